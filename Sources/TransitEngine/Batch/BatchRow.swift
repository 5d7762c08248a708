import TransitCore

/// One row of a batch: a report, or the errors that kept a manifest from being checked.
public struct BatchRow: Sendable {
    public var file: String
    public var outcome: CheckOutcome
}
