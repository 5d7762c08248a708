import TransitCore

/// What a rule example expects of the report (`expect:` in a pack).
public struct Expectation: Sendable, Hashable {
    public var verdict: Verdict?
    /// Documents that must be in the checklist and not satisfied.
    public var missing: [String] = []
    /// Documents that must be in the checklist and satisfied.
    public var present: [String] = []
    /// Documents that must not be in the checklist at all.
    public var notRequired: [String] = []
    /// Exact statuses for named documents.
    public var status: [String: DocumentStatus] = [:]
    /// Finding codes that must appear.
    public var findings: [String] = []
    /// Finding codes that must not appear.
    public var notFindings: [String] = []
    public init() {}
}

/// One example of a rule, run by the test suite and `rules test`.
public struct RuleExample: Sendable {
    /// The example's manifest: a path to a file, or written in the example itself.
    public enum Shipment: Sendable {
        case path(String)
        case inline(YAMLNode)
    }
    public var rule: String
    public var name: String
    public var shipment: Shipment
    public var patch: YAMLNode?
    public var expect: Expectation
    public var location: SourceLocation
}
