import TransitCore

/// Renders diagnostics in the one form editors and CI annotate: `path:line:col: error: message [code]`.
public enum DiagnosticText {
    public static func render(_ d: Diagnostic) -> String {
        var s = ""
        if let l = d.location { s += "\(l.file):\(l.line):\(l.column): " }
        s += "\(d.severity.rawValue): \(d.message) [\(d.code)]"
        if let h = d.help { s += "\n  help: \(h)" }
        return s
    }

    public static func render(_ ds: [Diagnostic]) -> String {
        ds.sorted { ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0) }
            .map(render).joined(separator: "\n")
    }
}
