//! A minimal HTTP/1.1 keep-alive client over tokio, enough to drive Summit on loopback
//! without pulling an HTTP client stack into the build.

use std::io;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

pub struct Conn {
    stream: BufReader<TcpStream>,
    addr: String,
    /// Bytes of answers read so far, head and body, as they came over the wire.
    pub received: u64,
}

pub struct Request<'a> {
    pub method: &'a str,
    pub path: String,
    pub body: Option<String>,
    pub bearer: Option<&'a str>,
    /// What the client takes (`br, gzip` as a phone's browser says; `None`: uncompressed).
    pub accept_encoding: Option<&'static str>,
}

impl Conn {
    pub async fn connect(addr: &str) -> io::Result<Conn> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream: BufReader::new(stream),
            addr: addr.to_string(),
            received: 0,
        })
    }

    /// Sends a request and reads the whole answer: (status, body).
    pub async fn send(&mut self, req: &Request<'_>) -> io::Result<(u16, Vec<u8>)> {
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\n",
            req.method, req.path, self.addr
        );
        if let Some(token) = req.bearer {
            head += &format!("Authorization: Bearer {token}\r\n");
        }
        if let Some(encodings) = req.accept_encoding {
            head += &format!("Accept-Encoding: {encodings}\r\n");
        }
        let body = req.body.as_deref().unwrap_or("");
        if req.body.is_some() {
            head += "Content-Type: application/json\r\n";
        }
        head += &format!("Content-Length: {}\r\n\r\n", body.len());
        let s = self.stream.get_mut();
        s.write_all(head.as_bytes()).await?;
        s.write_all(body.as_bytes()).await?;
        self.read_response().await
    }

    async fn read_response(&mut self) -> io::Result<(u16, Vec<u8>)> {
        let mut line = String::new();
        let n = self.stream.read_line(&mut line).await?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "closed"));
        }
        self.received += n as u64;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "status line"))?;
        let (mut length, mut chunked) = (0usize, false);
        loop {
            line.clear();
            self.received += self.stream.read_line(&mut line).await? as u64;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let lower = l.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            } else if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
                chunked = true;
            }
        }
        let mut body = Vec::with_capacity(length);
        if chunked {
            loop {
                line.clear();
                self.received += self.stream.read_line(&mut line).await? as u64;
                let size = usize::from_str_radix(line.trim(), 16).unwrap_or(0);
                let mut chunk = vec![0; size + 2];
                self.stream.read_exact(&mut chunk).await?;
                self.received += chunk.len() as u64;
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        } else {
            body.resize(length, 0);
            self.stream.read_exact(&mut body).await?;
            self.received += length as u64;
        }
        Ok((status, body))
    }
}
