/// How serious a diagnostic is: errors stop a file from loading, warnings inform.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    /// Errors sort first, then warnings, then notes.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in an input, with a stable code, a place and, where a fix is obvious, help.
public struct Diagnostic: Hashable, Sendable, Error {
    /// A stable kebab-case name for the kind of problem (`unknown-corridor`), for scripts and waivers.
    public var code: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// A suggested fix ("did you mean `KZ`?"), when one is obvious.
    public var help: String?

    public init(
        _ code: String, _ message: String, at location: SourceLocation?,
        severity: Severity = .error, help: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.help = help
    }
}

/// Collects diagnostics while a file is read, so that loading reports every problem, not the first.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []
    public init() {}

    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Records an error.
    public mutating func error(_ code: String, _ message: String, at location: SourceLocation?, help: String? = nil) {
        all.append(Diagnostic(code, message, at: location, severity: .error, help: help))
    }

    /// Records a diagnostic as it is, whatever its severity.
    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
}

/// A load that failed, with every diagnostic found on the way.
public struct LoadFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
