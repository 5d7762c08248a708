import TransitCore

/// The UNESCAP time/cost-distance chart as SVG: cumulative time (left panel) and cost (right
/// panel) against distance, one line per corridor; borders, transshipments and procedures add
/// time and cost without distance, so they show as vertical steps.
public enum TimeCostChart {
    public struct Series {
        public var name: String
        public var steps: [Step]
        public init(name: String, steps: [Step]) { self.name = name; self.steps = steps }
    }

    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    /// Points (km, hours, USD) after each step, p50 values, starting at the origin.
    public static func points(_ steps: [Step]) -> [(km: Double, hours: Double, usd: Double)] {
        var out = [(km: 0.0, hours: 0.0, usd: 0.0)]
        for s in steps where s.kind != .document {
            let last = out[out.count - 1]
            out.append((last.km + (s.km ?? 0), last.hours + s.hours.p50, last.usd + s.costUSD.p50))
        }
        return out
    }

    public static func svg(title: String, series: [Series]) -> String {
        let all = series.map { points($0.steps) }
        let maxKm = max(1, all.flatMap { $0.map(\.km) }.max() ?? 1)
        let maxH = max(1, all.flatMap { $0.map(\.hours) }.max() ?? 1)
        let maxUSD = max(1, all.flatMap { $0.map(\.usd) }.max() ?? 1)
        let w = 420.0, h = 300.0, left = 60.0, top = 40.0, gap = 90.0
        func f(_ v: Double) -> String { JSONValue.format(v, decimals: 1) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(left * 2 + w * 2 + gap))\" height=\"\(f(top + h + 60 + 18 * Double(series.count)))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<text x=\"\(f(left))\" y=\"20\" font-size=\"15\">\(MarkupText.escape(title))</text>\n"
        for (panel, (label, maxY, value)) in [("time (hours)", maxH, { (p: (km: Double, hours: Double, usd: Double)) in p.hours }),
                                              ("cost (USD)", maxUSD, { (p: (km: Double, hours: Double, usd: Double)) in p.usd })].enumerated() {
            let x0 = left + Double(panel) * (w + gap)
            out += "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"none\" stroke=\"#888\"/>\n"
            out += "<text x=\"\(f(x0))\" y=\"\(f(top - 6))\">cumulative \(label)</text>\n"
            out += "<text x=\"\(f(x0 + w - 80))\" y=\"\(f(top + h + 16))\">distance (km)</text>\n"
            for k in 0...4 {
                let fr = Double(k) / 4
                out += "<text x=\"\(f(x0 + fr * w - 10))\" y=\"\(f(top + h + 30))\">\(JSONValue.format(maxKm * fr, decimals: 0))</text>\n"
                out += "<text x=\"\(f(x0 - 55))\" y=\"\(f(top + h - fr * h + 4))\">\(JSONValue.format(maxY * fr, decimals: 0))</text>\n"
            }
            for (i, pts) in all.enumerated() {
                let coords = pts.map { "\(f(x0 + $0.km / maxKm * w)),\(f(top + h - value($0) / maxY * h))" }.joined(separator: " ")
                out += "<polyline fill=\"none\" stroke=\"\(colours[i % colours.count])\" stroke-width=\"2\" points=\"\(coords)\"/>\n"
            }
        }
        for (i, s) in series.enumerated() {
            let y = top + h + 52 + 18 * Double(i)
            out += "<rect x=\"\(f(left))\" y=\"\(f(y - 10))\" width=\"12\" height=\"12\" fill=\"\(colours[i % colours.count])\"/>"
            out += "<text x=\"\(f(left + 18))\" y=\"\(f(y))\">\(MarkupText.escape(s.name))</text>\n"
        }
        return out + "</svg>\n"
    }
}
