//! The Python tools some tests run as real peers: `aiosmtpd` (an SMTP server on loopback),
//! `lxml` (libxml2's XSD validator), `openapi-spec-validator`, and two PDF readers: `pypdf`
//! (pages, sizes, text) and `pypdfium2` (Chrome's PDFium, to render a page as an image). `cargo test` needs nothing
//! installed by hand: on first use the tools are installed from PyPI into a folder under
//! Cargo's target directory (`pip install --target`), then found there by every later run.
//! A CPython that already has all three (as a developer's may) is used as it is.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// PyPI names, and the modules that show they are importable.
const PACKAGES: [&str; 5] = [
    "aiosmtpd",
    "lxml",
    "openapi-spec-validator",
    "pypdf",
    "pypdfium2",
];
const MODULES: &str = "import aiosmtpd, lxml.etree, openapi_spec_validator, pypdf, pypdfium2";

/// A `python3` command that can import the tools.
pub fn python() -> Command {
    let mut cmd = Command::new("python3");
    if let Some(dir) = tools_dir() {
        cmd.env("PYTHONPATH", dir);
    }
    cmd
}

/// `None` when the system's CPython has the tools already; else the folder they are in.
fn tools_dir() -> Option<&'static PathBuf> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        if importable(None) {
            return None;
        }
        // Named for the set of tools, so a new tool installs afresh beside an older folder.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-tools-2");
        if !importable(Some(&dir)) {
            install(&dir);
        }
        Some(dir)
    })
    .as_ref()
}

fn importable(dir: Option<&Path>) -> bool {
    let mut cmd = Command::new("python3");
    if let Some(dir) = dir {
        cmd.env("PYTHONPATH", dir);
    }
    cmd.args(["-c", MODULES])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Installs into a private folder, then renames it into place: test binaries run at once, and
/// whichever finishes first wins; the others find a complete folder and drop their own.
fn install(dir: &Path) {
    let staging = dir.with_extension(format!("tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let out = Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .arg("--target")
        .arg(&staging)
        .args(PACKAGES)
        .output()
        .expect("python3 (CPython with pip) runs");
    assert!(
        out.status.success(),
        "installing {PACKAGES:?} from PyPI failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if std::fs::rename(&staging, dir).is_err() {
        // Another test binary installed them first.
        let _ = std::fs::remove_dir_all(&staging);
    }
    assert!(
        importable(Some(dir)),
        "{PACKAGES:?} installed into {} but not importable",
        dir.display()
    );
}
