/// A field's value as a condition sees it; nil means the manifest does not give it.
package enum FieldValue {
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([String])
}

/// Everything a condition can read while one rule is checked at one checkpoint. A class: the
/// context holds the whole shipment and journey, and a condition's every node is handed it, so
/// it is passed as one reference rather than copied as a struct of several hundred bytes.
final class EvaluationContext {
    let shipment: Shipment
    let journey: Journey
    /// The one field that changes along the journey: the context is built once per shipment
    /// and moved from checkpoint to checkpoint, not rebuilt (a copy would retain every field
    /// of the shipment and the journey).
    var checkpoint: Checkpoint
    let agreements: [String: Agreement]
    let day: Day
    let allLines: LineSet
    let originCountry: String
    let destinationCountry: String

    init(
        shipment: Shipment, journey: Journey, checkpoint: Checkpoint, agreements: [String: Agreement], day: Day,
        allLines: LineSet, originCountry: String, destinationCountry: String
    ) {
        self.shipment = shipment; self.journey = journey; self.checkpoint = checkpoint; self.agreements = agreements
        self.day = day; self.allLines = allLines; self.originCountry = originCountry
        self.destinationCountry = destinationCountry
    }
}

/// Evaluates conditions with three-valued logic, line by line for goods paths.
enum ConditionEvaluator {
    static func evaluate(_ c: Condition, _ ctx: EvaluationContext) -> LineTruth {
        switch c {
        case .all(let cs):
            var acc = LineTruth(yes: ctx.allLines)
            for sub in cs {
                acc = acc.and(evaluate(sub, ctx))
                if acc.yes.isEmpty && acc.unknown.isEmpty { break }
            }
            return acc
        case .any(let cs):
            var acc = LineTruth(yes: LineSet())
            for sub in cs { acc = acc.or(evaluate(sub, ctx)) }
            return acc
        case .not(let sub):
            return evaluate(sub, ctx).negated(all: ctx.allLines)
        case .match(let path, let matcher, _):
            if path.isGoods { return matchLines(path, matcher, ctx) }
            let value = shipmentValue(path, matcher, ctx)
            switch truth(value, matcher) {
            case true?: return LineTruth(yes: ctx.allLines)
            case false?: return LineTruth(yes: LineSet())
            case nil:
                return LineTruth(yes: LineSet(), unknown: ctx.allLines, needs: [path.manifestField ?? path.rawValue])
            }
        }
    }

    private static func matchLines(_ path: FieldPath, _ matcher: Matcher, _ ctx: EvaluationContext) -> LineTruth {
        var yes = LineSet(), unknown = LineSet()
        var needs: [String] = []
        for (i, line) in ctx.shipment.goods.enumerated() {
            switch truth(goodsValue(path, line, ctx), matcher) {
            case true?: yes.insert(i)
            case false?: break
            case nil:
                unknown.insert(i)
                needs += manifestFields(path, line).map { "goods[\(i)].\($0)" }
            }
        }
        return LineTruth(yes: yes, unknown: unknown, needs: needs)
    }

    /// nil when unknown: the field is absent and the matcher is not `exists`.
    static func truth(_ value: FieldValue?, _ matcher: Matcher) -> Bool? {
        if case .exists(let wanted) = matcher { return (value != nil) == wanted }
        guard let value else { return nil }
        switch matcher {
        case .exists: return nil
        case .equals(let s): return equal(value, s)
        case .oneOf(let ss): return ss.contains { equal(value, $0) }
        case .prefix(let ps):
            switch value {
            case .text(let t): return ps.contains { t.hasPrefix($0) }
            case .list(let l): return l.contains { e in ps.contains { e.hasPrefix($0) } }
            default: return false
            }
        case .contains(let s):
            switch value {
            case .text(let t): return t.lowercased().contains(s.description.lowercased())
            case .list(let l): return l.contains(s.description)
            default: return false
            }
        case .greater(let n, let orEqual):
            guard case .number(let v) = value else { return false }
            return orEqual ? v >= n : v > n
        case .less(let n, let orEqual):
            guard case .number(let v) = value else { return false }
            return orEqual ? v <= n : v < n
        }
    }

    private static func equal(_ v: FieldValue, _ s: Scalar) -> Bool {
        switch (v, s) {
        case (.text(let a), .text(let b)): return a == b
        case (.text(let a), .number): return a == s.description
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.list(let l), _): return l.contains(s.description)
        default: return false
        }
    }

    /// The value of a `goods.*` path on one line; nil when the manifest does not give it.
    static func goodsValue(_ path: FieldPath, _ g: GoodsLine, _ ctx: EvaluationContext) -> FieldValue? {
        let s = ctx.shipment
        switch path {
        case .goods(let field): return field.value(g)
        case .transport: return nil
        case .computed(.goodsPackagingKind): return g.packagingKind.map(FieldValue.text)
        case .computed(.goodsPackagingWood): return g.packagingWood.map(FieldValue.bool)
        case .computed(.goodsDangerous):
            return g.dangerous != nil ? .bool(true) : (g.dangerousDeclared ? .bool(false) : nil)
        case .computed(.goodsDangerousUN): return g.dangerous.map { .text($0.un) }
        case .computed(.goodsDangerousClass): return g.dangerous.map { .text($0.hazardClass) }
        case .computed(.goodsTemperature): return (g.temperatureC ?? s.transport.temperatureC).map(FieldValue.number)
        case .computed(.goodsShelfLifeLeftPct):
            guard let produced = g.produced, let bestBefore = g.bestBefore else { return nil }
            let arrival = s.departure.adding(hours: ctx.checkpoint.arrivalHours.p90)
            let life = bestBefore.ordinal - produced.ordinal
            guard life > 0 else { return .number(0) }
            return .number(max(0, Double(bestBefore.ordinal - arrival.ordinal)) * 100 / Double(life))
        default: return nil
        }
    }

    /// The goods-line fields to fill in when a `goods.*` path is unknown on a line.
    private static func manifestFields(_ path: FieldPath, _ g: GoodsLine) -> [String] {
        guard case .computed(.goodsShelfLifeLeftPct) = path else { return path.manifestField.map { [$0] } ?? [] }
        return (g.produced == nil ? ["produced"] : []) + (g.bestBefore == nil ? ["best_before"] : [])
    }

    /// The value of a `shipment.*`, `route.*` or `checkpoint.*` path; nil when the manifest does not give it.
    static func shipmentValue(_ path: FieldPath, _ matcher: Matcher, _ ctx: EvaluationContext) -> FieldValue? {
        let s = ctx.shipment
        switch path {
        case .transport(let field): return field.value(s.transport)
        case .goods: return nil
        case .computed(.shipmentID): return .text(s.id)
        case .computed(.shipmentMode): return .text(s.mode.rawValue)
        case .computed(.shipmentRegime): return .text(s.regime)
        case .computed(.shipmentOrigin): return .text(s.origin)
        case .computed(.shipmentOriginCountry): return .text(ctx.originCountry)
        case .computed(.shipmentDestination): return .text(s.destination)
        case .computed(.shipmentDestinationCountry): return .text(ctx.destinationCountry)
        case .computed(.shipmentShipperCountry): return .text(s.shipper.country)
        case .computed(.shipmentConsigneeCountry): return .text(s.consignee.country)
        case .computed(.shipmentCorridor): return .text(ctx.journey.corridor)
        case .computed(.shipmentValueUSD): return .number(s.valueUSD)
        case .computed(.shipmentGrossKg): return .number(s.grossKg)
        case .computed(.shipmentNetKg): return .number(s.netKg)
        case .computed(.shipmentDeparture): return .text(s.departure.description)
        case .computed(.shipmentGrossKgPerUnit): return .number(s.grossKg / Double(max(1, s.transport.units)))
        case .computed(.routeCountries): return .list(ctx.journey.countries)
        case .computed(.routeTransit): return .list(ctx.journey.transit)
        case .computed(.routeModes): return .list(ctx.journey.modeNames)
        case .computed(.routePlaces): return .list(ctx.journey.places)
        case .computed(.routeAllParties):
            guard case .equals(.text(let id)) = matcher, let a = ctx.agreements[id] else { return .bool(false) }
            let all = ctx.journey.countries.allSatisfy { a.isParty($0, on: ctx.day) }
            return all ? .text(id) : .text("")
        case .computed(.checkpointCountry): return .text(ctx.checkpoint.country)
        case .computed(.checkpointKind): return .text(ctx.checkpoint.kind.rawValue)
        case .computed(.checkpointPlace): return .text(ctx.checkpoint.place)
        case .computed(.checkpointMode): return ctx.checkpoint.mode.map { .text($0.rawValue) }
        case .computed(.checkpointFromCountry): return .text(ctx.checkpoint.fromCountry)
        default: return nil
        }
    }

}
