/// A problem or remark about the shipment, with the rule and the manifest place behind it.
public struct Finding: Hashable, Sendable {
    public var severity: Severity
    public var code: FindingCode
    public var message: String
    public var rule: String?
    public var path: String?
    public var location: SourceLocation?
    /// The message without the sources of the figures behind it (a link's status), for compact
    /// rows, which cite sources elsewhere; nil when the message is brief already.
    public var brief: String? = nil
}
