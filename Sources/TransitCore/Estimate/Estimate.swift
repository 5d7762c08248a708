/// Time and cost of the trip, step by step, with totals combined from log-normal steps.
public struct Estimate: Hashable, Sendable {
    public var costUSD: P5090
    /// The trip, dispatch to delivery: legs, borders, transshipments and procedures. The time
    /// to obtain missing documents is not in it; it is `delayFromMissingDocumentsHours`.
    public var timeHours: P5090
    public var delayFromMissingDocumentsHours: P5090
    /// Every step with the shipment's figures: the route's, scaled to its tonnage and units,
    /// then the procedures and documents. Worked out when read: most readers (compact rows,
    /// the CSV) never read them, and a shipment would otherwise copy its route's steps.
    public var steps: [Step] {
        get {
            routeSteps.map { $0.scaled(tonnes: tonnes, units: units) } + ownSteps
                + obtained.map { row in
                    Step(
                        kind: .document, name: "obtain \(row.document)", hours: row.leadTimeHours,
                        costUSD: P5090(row.costUSD), source: row.howToObtain)
                }
        }
        set { routeSteps = []; ownSteps = newValue; obtained = [] }
    }
    /// The route's steps as planned, shared by every shipment on it, and what they are scaled by.
    private var routeSteps: [Step] = []
    private var tonnes = 0.0, units = 0.0
    /// The steps of this shipment alone: procedures (or every step, when set as a whole).
    private var ownSteps: [Step]
    /// The checklist rows of the documents still to obtain, one per document and issuer: each
    /// is a step (the wait and cost of obtaining it), after `ownSteps`.
    private var obtained: [ChecklistRow] = []
    /// When the documents still to obtain could all be in hand if applied for on the as-of day
    /// (p50 and p90), and so the earliest dispatch; nil when nothing is missing.
    public var readyToDispatch: (p50: Day, p90: Day)? = nil

    public init(costUSD: P5090, timeHours: P5090, delayFromMissingDocumentsHours: P5090, steps: [Step]) {
        self.costUSD = costUSD; self.timeHours = timeHours;
        self.delayFromMissingDocumentsHours = delayFromMissingDocumentsHours
        self.ownSteps = steps
    }

    /// An estimate whose steps are `route`'s steps scaled to `tonnes` and `units`, then `own`,
    /// then obtaining each document of `obtained`.
    init(
        costUSD: P5090, timeHours: P5090, delayFromMissingDocumentsHours: P5090, route: [Step], tonnes: Double,
        units: Double, own: [Step], obtained: [ChecklistRow]
    ) {
        self.init(
            costUSD: costUSD, timeHours: timeHours, delayFromMissingDocumentsHours: delayFromMissingDocumentsHours,
            steps: own)
        self.routeSteps = route; self.tonnes = tonnes; self.units = units; self.obtained = obtained
    }

    /// Equal totals, steps and readiness.
    public static func == (a: Estimate, b: Estimate) -> Bool {
        a.costUSD == b.costUSD && a.timeHours == b.timeHours
            && a.delayFromMissingDocumentsHours == b.delayFromMissingDocumentsHours
            && a.steps == b.steps && a.readyToDispatch?.p50 == b.readyToDispatch?.p50
            && a.readyToDispatch?.p90 == b.readyToDispatch?.p90
    }

    /// Hashes what `==` compares.
    public func hash(into h: inout Hasher) {
        h.combine(costUSD); h.combine(timeHours); h.combine(delayFromMissingDocumentsHours); h.combine(steps)
        h.combine(readyToDispatch?.p50); h.combine(readyToDispatch?.p90)
    }
}
