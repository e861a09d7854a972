//! Bar charts as SVG, drawn on the server: no JavaScript, text labels and values on every bar
//! (not colour alone), and a title the page ties to a data table beside the chart.

/// Label column width, in the chart's own units (the SVG scales with the page).
const LABEL: i64 = 220;
const WIDTH: i64 = 640;
/// Characters per label line: at 14px, 24 characters stay well inside the label column, so
/// a long workshop title is never cut by the chart's left edge.
const LABEL_CHARS: usize = 24;
/// Lines per label; a longer one ends with "…" (the full text is the row's `<title>` and the
/// table beside the chart).
const LABEL_LINES: usize = 3;
const LINE: i64 = 17;
const BAR: i64 = 20;

/// A horizontal bar chart; `labels` and `values` pair up. Text is escaped here.
pub fn bars(title: &str, rows: &[(String, i64)]) -> String {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let labels: Vec<Vec<String>> = rows
        .iter()
        .map(|r| wrap(&r.0, LABEL_CHARS, LABEL_LINES))
        .collect();
    let height: i64 = labels.iter().map(|l| row_height(l.len())).sum::<i64>() + 8;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    let mut y = 4;
    for ((label, value), lines) in rows.iter().zip(&labels) {
        svg += &row(y, label, lines, *value, max);
        y += row_height(lines.len());
    }
    svg + "</svg>"
}

/// A row is 28 units high for a one-line label, one line more for each further line.
fn row_height(lines: usize) -> i64 {
    28 + (lines.max(1) as i64 - 1) * LINE
}

/// One bar at `y`: its label (one `<tspan>` per line, right-aligned to the bar), the bar and
/// its value, grouped under a `<title>` holding the whole label.
fn row(y: i64, label: &str, lines: &[String], value: i64, max: i64) -> String {
    let h = row_height(lines.len());
    let first = y + (h - lines.len() as i64 * LINE) / 2 + 12;
    let tspans: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                LABEL - 8,
                first + i as i64 * LINE,
                escape(l)
            )
        })
        .collect();
    let bar = (WIDTH - LABEL - 60) * value.max(0) / max;
    let bar_y = y + (h - BAR) / 2;
    format!(
        "<g><title>{}</title><text text-anchor=\"end\" class=\"chart-label\">{tspans}</text>\
         <rect x=\"{LABEL}\" y=\"{bar_y}\" width=\"{bar}\" height=\"{BAR}\" class=\"chart-bar\"></rect>\
         <text x=\"{}\" y=\"{}\" class=\"chart-value\">{value}</text></g>",
        escape(label),
        LABEL + bar + 6,
        bar_y + 15,
    )
}

/// `text` in lines of at most `width` characters, broken between words (a longer word is cut),
/// at most `lines` of them, the last ending with "…" when text is left over.
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let words = text.split_whitespace().flat_map(|w| pieces(w, width));
    for word in words {
        let fits = current.chars().count() + 1 + word.chars().count() <= width;
        if current.is_empty() {
            current = word;
        } else if fits {
            current = format!("{current} {word}");
        } else {
            out.push(std::mem::replace(&mut current, word));
        }
    }
    if !current.is_empty() || out.is_empty() {
        out.push(current);
    }
    if out.len() > lines {
        out.truncate(lines);
        let last = &out[lines - 1];
        out[lines - 1] = format!("{}…", last.chars().take(width - 1).collect::<String>());
    }
    out
}

/// A word cut into pieces of at most `width` characters.
fn pieces(word: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    chars.chunks(width).map(|c| c.iter().collect()).collect()
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
    fn long_labels_wrap_inside_the_label_column_and_keep_their_full_text() {
        let long = "Atelier : concevoir des services numériques accessibles à toutes et tous";
        let svg = bars("Fill", &[(long.into(), 3)]);
        assert!(svg.contains(&format!("<title>{long}</title>")));
        let lines = wrap(long, LABEL_CHARS, LABEL_LINES);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| l.chars().count() <= LABEL_CHARS));
        assert!(lines[2].ends_with('…'));
        assert!(svg.contains("<tspan x=\"212\""));
        assert_eq!(wrap("Online", 24, 3), vec!["Online"]);
        assert_eq!(wrap("", 24, 3), vec![""]);
        assert_eq!(wrap("abcdefghij", 4, 3), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn empty_and_zero_charts_draw_nothing_wrong() {
        assert!(bars("None", &[]).contains("viewBox=\"0 0 640 8\""));
        assert!(bars("Zero", &[("a".into(), 0)]).contains("width=\"0\""));
    }
}
