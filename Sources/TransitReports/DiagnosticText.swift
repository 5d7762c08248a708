import TransitCore

/// Renders diagnostics in the one form editors and CI annotate: `path:line:col: error: message [code]`.
public enum DiagnosticText {
    /// One diagnostic: `path:line:col: severity: message [code]`, and its help on a second line.
    public static func render(_ d: Diagnostic) -> String {
        var s = ""
        if let l = d.location { s += "\(visible(l.file)):\(l.line):\(l.column): " }
        s += "\(d.severity.rawValue): \(visible(d.message)) [\(d.code)]"
        if let h = d.help { s += "\n  help: \(visible(h))" }
        return s
    }

    /// Text from an input made safe for one line of a terminal: control characters (a newline
    /// that could forge an `error:` line, an escape that could drive the terminal) are written
    /// as escapes, `\n`, `\t`, `\u{1B}`.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(u): out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    /// Diagnostics in order of file, line and column, one after another.
    public static func render(_ ds: [Diagnostic]) -> String {
        ds.sorted {
            ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0) < (
                $1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0
            )
        }
        .map(render).joined(separator: "\n")
    }
}
