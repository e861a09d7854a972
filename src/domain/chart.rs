//! Bar charts as SVG, drawn on the server: no JavaScript, text labels and values on every bar
//! (not colour alone), and a title the page ties to a data table beside the chart.

/// A horizontal bar chart; `labels` and `values` pair up. Text is escaped here.
pub fn bars(title: &str, rows: &[(String, i64)]) -> String {
    const ROW: i64 = 28;
    const LABEL: i64 = 220;
    const WIDTH: i64 = 640;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let height = ROW * rows.len() as i64 + 8;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = i as i64 * ROW + 4;
        let bar = (WIDTH - LABEL - 60) * value.max(&0) / max;
        svg += &format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"chart-label\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{bar}\" height=\"{}\" class=\"chart-bar\"></rect>\
             <text x=\"{}\" y=\"{}\" class=\"chart-value\">{value}</text>",
            LABEL - 8,
            y + 17,
            escape(&shorten(label, 30)),
            ROW - 8,
            LABEL + bar + 6,
            y + 17,
        );
    }
    svg + "</svg>"
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{cut}…")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_and_escape_labels() {
        let svg = bars(
            "By mode",
            &[("In <person>".into(), 50), ("Online".into(), 25)],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-label=\"By mode\""));
        assert!(svg.contains("In &lt;person&gt;"));
        assert!(svg.contains("width=\"360\"") && svg.contains("width=\"180\""));
        assert!(svg.contains(">50</text>") && svg.contains(">25</text>"));
    }

    #[test]
    fn empty_and_zero_charts_draw_nothing_wrong() {
        assert!(bars("None", &[]).contains("viewBox=\"0 0 640 8\""));
        assert!(bars("Zero", &[("a".into(), 0)]).contains("width=\"0\""));
    }
}
