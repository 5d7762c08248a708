import TransitCore

/// SARIF 2.1.0 for code-scanning views: results located at file, line and column, with
/// `columnKind: unicodeCodePoints`. Written whole (`document`) or streamed (`header`, results
/// joined by commas, `footer`).
public enum SARIF {
    /// Everything before the first result.
    public static func header(tool: String) -> String {
        "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
            + "\"runs\":[{\"tool\":{\"driver\":{\"name\":"
            + JSONValue.string(tool).compact + "}},\"columnKind\":\"unicodeCodePoints\",\"results\":[\n"
    }

    /// Everything after the last result.
    public static let footer = "\n]}]}\n"

    /// A whole SARIF log with these results.
    public static func document(tool: String, results: [JSONValue]) -> String {
        header(tool: tool) + results.map(\.compact).joined(separator: ",\n") + footer
    }

    /// One result, with its location, rule, related locations and properties.
    public static func result(
        code: String, severity: Severity, message: String, file: String, line: Int?, column: Int?,
        rule: String? = nil, related: [JSONValue] = [], properties: [(String, JSONValue)] = []
    ) -> JSONValue {
        var region: [(String, JSONValue)] = []
        if let line { region.append(("startLine", .int(line))) }
        if let column { region.append(("startColumn", .int(column))) }
        var physical: [(String, JSONValue)] = [("artifactLocation", .object([("uri", .string(file))]))]
        if !region.isEmpty { physical.append(("region", .object(region))) }
        var o: [(String, JSONValue)] = [
            ("ruleId", .string(code)),
            ("level", .string(severity == .error ? "error" : severity == .warning ? "warning" : "note")),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
        ]
        if !related.isEmpty { o.append(("relatedLocations", .array(related))) }
        let props = (rule.map { [("rule", JSONValue.string($0))] } ?? []) + properties
        if !props.isEmpty { o.append(("properties", .object(props))) }
        return .object(o)
    }

    /// A related location (a rule's file and line) for a result.
    public static func relatedLocation(id: Int, file: String, line: Int?, message: String) -> JSONValue {
        var physical: [(String, JSONValue)] = [("artifactLocation", .object([("uri", .string(file))]))]
        if let line { physical.append(("region", .object([("startLine", .int(line))]))) }
        return .object([
            ("id", .int(id)), ("physicalLocation", .object(physical)),
            ("message", .object([("text", .string(message))])),
        ])
    }

    /// A diagnostic as a result.
    public static func result(_ d: Diagnostic, file: String? = nil) -> JSONValue {
        result(
            code: d.code, severity: d.severity, message: d.message + (d.help.map { " (\($0))" } ?? ""),
            file: d.location?.file ?? file ?? "", line: d.location?.line, column: d.location?.column)
    }
}

/// A diagnostic as a JSON object (`rules lint --format json`, batch error rows).
public enum DiagnosticJSON {
    /// The diagnostic's JSON object.
    public static func value(_ d: Diagnostic) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message)),
        ]
        if let l = d.location { o += [("file", .string(l.file)), ("line", .int(l.line)), ("column", .int(l.column))] }
        if let h = d.help { o.append(("help", .string(h))) }
        return .object(o)
    }
}
