import TransitCore

/// The UNESCAP time/cost-distance chart as SVG: cumulative time (left panel) and cost (right
/// panel) against distance, one line per corridor; borders, transshipments and procedures add
/// time and cost without distance, so they show as vertical steps. Each line is the Monte Carlo
/// p50 of the estimate, in a p10–p90 band, so it ends where the report's totals stand.
public enum TimeCostChart {
    /// One corridor's line: its name and the cumulative km, hours and cost along it.
    public struct Series {
        public var name: String
        public var points: [ProfilePoint]
        public init(name: String, points: [ProfilePoint]) { self.name = name; self.points = points }
    }

    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    /// Dash patterns for series beyond the colours, so that every line stays told apart.
    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

    /// A round upper bound for an axis and its step: 1, 2 or 5 times a power of ten, four to ten ticks.
    public static func axis(_ maxValue: Double) -> (top: Double, step: Double) {
        let target = max(maxValue, 1) / 5
        var magnitude = 1.0
        while magnitude * 10 <= target { magnitude *= 10 }
        while magnitude > target { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= target } ?? magnitude * 10
        return ((max(maxValue, 1) / step).rounded(.up) * step, step)
    }

    /// The chart as a standalone SVG document.
    public static func svg(title: String, series: [Series]) -> String {
        let all = series.map(\.points)
        let km = axis(all.flatMap { $0.map(\.km) }.max() ?? 1)
        let hours = axis(all.flatMap { $0.map(\.hours.p90) }.max() ?? 1)
        let usd = axis(all.flatMap { $0.map(\.usd.p90) }.max() ?? 1)
        let w = 420.0, h = 300.0, left = 60.0, top = 40.0, gap = 90.0
        func f(_ v: Double) -> String { JSONValue.format(v, decimals: 1) }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(left * 2 + w * 2 + gap))\" "
            + "height=\"\(f(top + h + 60 + 18 * Double(series.count)))\" font-family=\"sans-serif\" "
            + "font-size=\"12\">\n"
        out += "<text x=\"\(f(left))\" y=\"20\" font-size=\"15\">\(MarkupText.escape(title))</text>\n"
        typealias Pick = (ProfilePoint) -> ProfilePoint.Spread
        let panels: [(String, (top: Double, step: Double), Pick)] = [
            ("time (hours)", hours, { $0.hours }), ("cost (USD)", usd, { $0.usd }),
        ]
        for (panel, (label, yAxis, value)) in panels.enumerated() {
            let x0 = left + Double(panel) * (w + gap)
            func x(_ v: Double) -> String { f(x0 + v / km.top * w) }
            func y(_ v: Double) -> String { f(top + h - v / yAxis.top * h) }
            out +=
                "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"none\" "
                + "stroke=\"#888\"/>\n"
            out += "<text x=\"\(f(x0))\" y=\"\(f(top - 6))\">cumulative \(label): p50, band p10–p90</text>\n"
            out += "<text x=\"\(f(x0 + w - 80))\" y=\"\(f(top + h + 44))\">distance (km)</text>\n"
            for tick in stride(from: 0.0, through: km.top, by: km.step) {
                out +=
                    "<text x=\"\(f(x0 + tick / km.top * w - 10))\" "
                    + "y=\"\(f(top + h + 16))\">\(JSONValue.format(tick, decimals: 0))</text>\n"
            }
            for tick in stride(from: 0.0, through: yAxis.top, by: yAxis.step) {
                out += "<line x1=\"\(f(x0))\" x2=\"\(f(x0 + w))\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" stroke=\"#eee\"/>"
                out +=
                    "<text x=\"\(f(x0 - 55))\" y=\"\(f(top + h - tick / yAxis.top * h + 4))\">"
                    + "\(JSONValue.format(tick, decimals: 0))</text>\n"
            }
            for (i, pts) in all.enumerated() where !pts.isEmpty {
                let colour = colours[i % colours.count], dash = dashes[(i / colours.count) % dashes.count]
                let upper = pts.map { "\(x($0.km)),\(y(value($0).p90))" },
                    lower = pts.reversed().map { "\(x($0.km)),\(y(value($0).p10))" }
                out +=
                    "<polygon fill=\"\(colour)\" fill-opacity=\"0.12\" stroke=\"none\" "
                    + "points=\"\((upper + lower).joined(separator: " "))\"/>\n"
                let line = pts.map { "\(x($0.km)),\(y(value($0).p50))" }.joined(separator: " ")
                out +=
                    "<polyline fill=\"none\" stroke=\"\(colour)\" "
                    + "stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") "
                    + "points=\"\(line)\"/>\n"
            }
        }
        for (i, s) in series.enumerated() {
            let y = top + h + 70 + 18 * Double(i)
            out +=
                "<rect x=\"\(f(left))\" y=\"\(f(y - 10))\" width=\"12\" height=\"12\" "
                + "fill=\"\(colours[i % colours.count])\"/>"
            let end =
                s.points.last.map {
                    " — \(JSONValue.format($0.hours.p50, decimals: 0)) h, "
                        + "USD \(JSONValue.format($0.usd.p50, decimals: 0)) (p50)"
                } ?? ""
            out += "<text x=\"\(f(left + 18))\" y=\"\(f(y))\">\(MarkupText.escape(s.name + end))</text>\n"
        }
        return out + "</svg>\n"
    }
}
