/// What a finding is, by a stable code: logic asks the case (`isAboutADocument`, `isRouteProblem`),
/// never a string's prefix; reports write `rawValue` ("document-missing", "link-closed").
public enum FindingCode: Hashable, Sendable, CustomStringConvertible {
    /// A checklist row that needs action, by its status.
    case document(DocumentStatus)
    case documentIssuedAfterDeparture
    /// A link on the route that is not operational on the day the shipment reaches it.
    case link(LinkStatus)
    case prohibited, prohibitionUnknown, warning
    case regimeNotAccepted
    case corridorChosen, corridorGap, notOnCorridor, noCorridor, unknownCorridor
    case consigneeOutsideDestination
    case waiverExpired

    static let simple: [(FindingCode, String)] = [
        (.documentIssuedAfterDeparture, "document-issued-after-departure"), (.prohibited, "prohibited"),
        (.prohibitionUnknown, "prohibition-unknown"), (.warning, "warning"),
        (.regimeNotAccepted, "regime-not-accepted"),
        (.corridorChosen, "corridor-chosen"), (.corridorGap, "corridor-gap"), (.notOnCorridor, "not-on-corridor"),
        (.noCorridor, "no-corridor"), (.unknownCorridor, "unknown-corridor"),
        (.consigneeOutsideDestination, "consignee-outside-destination"), (.waiverExpired, "waiver-expired"),
    ]

    public var rawValue: String {
        switch self {
        case .document(let status): return "document-\(status.rawValue)"
        case .link(let status): return "link-\(status.rawValue)"
        default: return Self.simple.first { $0.0 == self }!.1
        }
    }

    public init?(rawValue: String) {
        if rawValue.hasPrefix("document-"),
            let s = DocumentStatus(rawValue: String(rawValue.dropFirst("document-".count)))
        {
            self = .document(s)
        } else if rawValue.hasPrefix("link-"), let s = LinkStatus(rawValue: String(rawValue.dropFirst("link-".count))) {
            self = .link(s)
        } else if let code = Self.simple.first(where: { $0.1 == rawValue })?.0 {
            self = code
        } else {
            return nil
        }
    }

    /// Every code a finding can have, for validating rule examples' expectations.
    public static var all: [FindingCode] {
        DocumentStatus.allCases.filter { $0 != .present }.map(FindingCode.document)
            + LinkStatus.allCases.filter { $0 != .operational }.map(FindingCode.link) + simple.map(\.0)
    }

    /// About one document (a row to obtain, or one dated after departure), not the route.
    public var isAboutADocument: Bool {
        switch self {
        case .document, .documentIssuedAfterDeparture: return true
        default: return false
        }
    }

    /// The route cannot be used as planned: no corridor, a gap, a closed link.
    public var isRouteProblem: Bool {
        switch self {
        case .link, .corridorGap, .notOnCorridor, .noCorridor, .unknownCorridor: return true
        default: return false
        }
    }

    /// The corridor cannot carry this shipment at all (so `corridors compare` leaves it out).
    public var isOffCorridor: Bool { self == .notOnCorridor || self == .corridorGap }

    public var description: String { rawValue }
}
