/// Derives a shipment's journey from its corridor (SPEC 2.3, 3): the path from origin to
/// destination, its checkpoints in route order, and the time and cost of each leg, border and
/// transshipment. Origins and destinations off the corridor join it by the shortest feeder path.
public struct JourneyPlanner: Sendable {
    public let network: Network
    public let cache: SampleCache

    public init(network: Network, cache: SampleCache = SampleCache()) { self.network = network; self.cache = cache }

    /// The journey, or the reason there is none; planned once per route and cached.
    public func plan(_ shipment: Shipment, corridor corridorID: String) -> Result<Journey, RouteProblem> {
        guard let corridor = network.corridors[corridorID] else {
            return .failure(
                RouteProblem(
                    code: .unknownCorridor, message: "corridor `\(corridorID)` is not in the network",
                    location: shipment.fieldLocations["corridor"]))
        }
        let preferred = corridor.mode ?? (shipment.mode == .multimodal ? nil : shipment.mode)
        let key = SampleCache.JourneyKey(
            corridor: corridorID, origin: shipment.origin, destination: shipment.destination, mode: preferred)
        let result = cache.journey(key) {
            switch path(shipment.origin, shipment.destination, corridor, preferred) {
            case .failure(let p): return .failure(p)
            case .success(let links):
                var j = walk(links, origin: shipment.origin, destination: shipment.destination, corridor)
                j.id = "\(corridorID)|\(shipment.origin)|\(shipment.destination)|\(preferred?.rawValue ?? "-")"
                return .success(j)
            }
        }
        if case .failure(var p) = result, p.code == .notOnCorridor {
            // The cached problem points at the manifest that first met it; point at this one.
            p.location = shipment.fieldLocations[p.message.hasPrefix("origin") ? "origin" : "destination"]
            return .failure(p)
        }
        return result
    }

    /// Links of the journey that are not operational on the day the shipment reaches them.
    public func problems(_ journey: Journey, departure day: Day) -> [RouteProblem] {
        var out: [RouteProblem] = []
        for (i, d) in journey.links.enumerated() {
            // Read in place: a copy of the link would retain each of its texts.
            guard !network.links[d.index].history.isEmpty || network.links[d.index].status != .operational else {
                continue
            }
            let reached = day.adding(hours: journey.linkStartHours[i])
            // Shipments that reach a link on the same day share its verdict, worked out once.
            let key = SampleCache.LinkDayKey(
                link: d.index, forward: d.from == network.links[d.index].from, day: reached.ordinal)
            if let problem = cache.linkProblem(key, { linkProblem(d, on: reached) }) { out.append(problem) }
        }
        return out
    }

    /// Why the link `d` stops a shipment that reaches it on `reached`, or nil when it is open.
    private func linkProblem(_ d: DirectedLink, on reached: Day) -> RouteProblem? {
        let link = network.links[d.index]
        let (status, statusSource) = link.status(on: reached)
        guard status != .operational else { return nil }
        let from = network.places[d.from], to = network.places[d.to]
        let period = link.period(on: reached)
        let seasonal = period?.span.isYearly == true ? " for the season (\(period!.span.description))" : ""
        let verb = status == .closed ? "reopens" : "opens"
        let reopens =
            link.reopening(after: reached).map { "; it \(verb) on \($0)" }
            ?? (status == .closed ? "; no reopening date is known" : "")
        // Written into texts at once: a link's problem is worked out for every day a shipment
        // reaches it, and the source it cites is long.
        let brief = String(
            joining: link.mode.rawValue, " link ", from?.name ?? d.from, " (", d.from, ") – ", to?.name ?? d.to, " (",
            d.to, ") is ", status.rawValue, seasonal, " on ", reached.description, ", when the shipment reaches it",
            reopens)
        let message = String(joining: brief, " (", statusSource, ")")
        return RouteProblem(code: .link(status), message: message, location: link.location, brief: brief)
    }

    // MARK: - Path

    func path(
        _ origin: String, _ destination: String, _ corridor: Corridor, _ preferred: TransportMode?
    ) -> Result<[DirectedLink], RouteProblem> {
        let via = corridor.via
        var head: [DirectedLink] = []
        var tail: [DirectedLink] = []
        // Distances to the corridor's places from each end (an end on the corridor joins it there).
        // Feeders go by the shipment's mode, or for a multimodal one by the mode of the corridor's
        // end they join (rail to a railway).
        let named = corridor.viaModes.compactMap { $0 }
        let fromOrigin =
            via.contains(origin)
            ? [origin: (km: 0.0, via: DirectedLink?.none)]
            : network.shortestPaths(from: origin, preferring: preferred ?? named.first)
        let toDestination =
            via.contains(destination)
            ? [destination: (km: 0.0, via: DirectedLink?.none)]
            : network.shortestPaths(from: destination, reversed: true, preferring: preferred ?? named.last)
        guard via.contains(where: { fromOrigin[$0] != nil }) else {
            return .failure(notConnected(origin, "origin", corridor))
        }
        guard via.contains(where: { toDestination[$0] != nil }) else {
            return .failure(notConnected(destination, "destination", corridor))
        }
        // Each end joins the corridor in its own country where the corridor passes through it, at
        // the point that makes the whole route shortest (a Pavlodar shipment joins the Iran railway
        // at Bolashak, not at Almaty 1,300 km the wrong way); an end in a country the corridor does
        // not cross joins at the corridor's nearest place. So a corridor is never swapped for
        // another route between two of its own places.
        var along = [0.0]
        for (a, b) in zip(via, via.dropFirst()) {
            along.append(
                along.last!
                    + (network.links(from: a, to: b, preferring: preferred).first.map { network.links[$0.index].km }
                        ?? 0))
        }
        func joins(_ end: String, _ distances: [String: (km: Double, via: DirectedLink?)]) -> [Int] {
            if let i = via.firstIndex(of: end) { return [i] }
            let country = network.places[end]?.country
            let home = via.indices.filter { network.places[via[$0]]?.country == country && distances[via[$0]] != nil }
            if !home.isEmpty { return home }
            let nearest = via.indices.filter { distances[via[$0]] != nil }.min {
                (distances[via[$0]]!.km, $0) < (distances[via[$1]]!.km, $1)
            }
            return nearest.map { [$0] } ?? []
        }
        // A route that joins and leaves at the same place does not use the corridor at all.
        var best: (cost: Double, entry: Int, exit: Int)?
        for i in joins(origin, fromOrigin) {
            for j in joins(destination, toDestination) where j != i {
                let cost = fromOrigin[via[i]]!.km + abs(along[j] - along[i]) + toDestination[via[j]]!.km
                if best == nil || cost < best!.cost { best = (cost, i, j) }
            }
        }
        guard let best else {
            return .failure(
                RouteProblem(
                    code: .notOnCorridor,
                    message: "origin \(origin) and destination \(destination) do not use corridor `\(corridor.id)`",
                    location: nil))
        }
        let entry = best.entry, exit = best.exit
        var at = via[entry]
        while at != origin, let d = fromOrigin[at]?.via { head.insert(d, at: 0); at = d.from }
        at = via[exit]
        while at != destination, let d = toDestination[at]?.via { tail.append(d); at = d.to }
        let backbone = entry <= exit ? Array(via[entry...exit]) : Array(via[exit...entry].reversed())
        var middle: [DirectedLink] = []
        let modes = corridor.viaModes.count == via.count ? corridor.viaModes : Array(repeating: nil, count: via.count)
        let backboneModes = entry <= exit ? Array(modes[entry...exit]) : Array(modes[exit...entry].reversed())
        for (k, (a, b)) in zip(backbone, backbone.dropFirst()).enumerated() {
            // Going forward the mode is the one named on the later place; going back, on the earlier one.
            // The manifest's own mode (or the corridor's) comes first where a link of that mode exists:
            // a truck on `uap` stays on the road to Mazar-i-Sharif.
            let named = entry <= exit ? backboneModes[k + 1] : backboneModes[k]
            guard let d = network.links(from: a, to: b, preferring: preferred ?? named).first else {
                return .failure(
                    RouteProblem(
                        code: .corridorGap,
                        message: "corridor `\(corridor.id)` has no link from \(a) to \(b)",
                        location: corridor.location))
            }
            middle.append(d)
        }
        return .success(head + middle + tail)
    }

    private func notConnected(_ place: String, _ role: String, _ c: Corridor) -> RouteProblem {
        RouteProblem(
            code: .notOnCorridor, message: "\(role) \(place) is not connected to corridor `\(c.id)`", location: nil)
    }

    // MARK: - Walk

    func walk(_ links: [DirectedLink], origin: String, destination: String, _ corridor: Corridor) -> Journey {
        var draws = RouteDraws()
        var checkpoints: [Checkpoint] = []
        var steps: [Step] = []
        var countries: [String] = []
        var modes: [TransportMode] = []
        var places = [origin]
        var linkStart: [Double] = []
        func place(_ id: String) -> Place { network.places[id] ?? Place(id: id, name: id, country: "", kind: .city) }
        let originCountry = place(origin).country, destinationCountry = place(destination).country
        func see(_ c: String) { if !countries.contains(c) { countries.append(c) } }
        func add(_ step: Step) {
            steps.append(step)
            draws.add(step, from: cache)
        }
        // The country of the place before the current one, for `checkpoint.from_country`.
        var comingFrom = originCountry
        func checkpoint(_ kind: CheckpointKind, _ p: Place, _ mode: TransportMode?, from: String? = nil) {
            checkpoints.append(
                Checkpoint(
                    kind: kind, country: p.country, place: p.id, mode: mode, fromCountry: from ?? comingFrom,
                    arrivalHours: draws.hours.quantiles))
        }

        checkpoint(.export, place(origin), links.first.map { network.links[$0.index].mode })
        see(originCountry)
        var previous: Link?
        for d in links {
            let link = network.links[d.index]
            let from = place(d.from), to = place(d.to)
            if !modes.contains(link.mode) { modes.append(link.mode) }
            if let prev = previous, let reason = transshipmentReason(prev, link),
                let cost = network.transshipment[reason]
            {
                checkpoint(.transshipment, from, link.mode)
                add(
                    Step(
                        kind: .transshipment, name: "\(reason.rawValue) at \(from.name)", place: from.id,
                        mode: link.mode,
                        hours: cost.hours, costUSD: cost.usdPerUnit, costBasis: .perUnit, source: cost.source))
            }
            linkStart.append(steps.isEmpty ? 0 : draws.hours.quantiles.p50)
            let crossesBorder = from.country != to.country
            if crossesBorder {
                checkpoint(.exit, from, link.mode)
                if let b = link.border?.figures(goingFrom: d.from, linkFrom: link.from) {
                    add(
                        Step(
                            kind: .border, name: "border \(from.name) – \(to.name)", from: from.id, to: to.id,
                            mode: link.mode,
                            hours: b.hours, costUSD: b.feesUSD, costBasis: .perUnit, source: b.source))
                }
            }
            let leg = legEstimate(link, country: from.country)
            add(
                Step(
                    kind: .leg, name: "\(from.name) – \(to.name)", from: from.id, to: to.id, mode: link.mode,
                    km: link.km,
                    hours: leg.hours, costUSD: leg.cost, costBasis: leg.basis, source: leg.source))
            if crossesBorder {
                checkpoint(.entry, to, link.mode, from: from.country)
                if to.country != originCountry, to.country != destinationCountry, !countries.contains(to.country) {
                    checkpoint(.transit, to, link.mode, from: from.country)
                }
                see(to.country)
            }
            places.append(to.id)
            previous = link
            comingFrom = from.country
        }
        checkpoint(.import, place(destination), previous?.mode)
        see(destinationCountry)
        let transit = countries.filter { $0 != originCountry && $0 != destinationCountry }
        return Journey(
            corridor: corridor.id, places: places, links: links, checkpoints: checkpoints, steps: steps,
            countries: countries, transit: transit, modes: modes, linkStartHours: linkStart, draws: draws)
    }

    func transshipmentReason(_ a: Link, _ b: Link) -> TransshipmentReason? {
        if a.mode != b.mode { return .modeChange }
        if a.mode == .rail, let ga = a.gaugeMM, let gb = b.gaugeMM, ga != gb { return .gaugeChange }
        return nil
    }

    /// A leg's driving time at the speed without delays, and its cost: per unit (truck, wagon,
    /// container) where the link or tariff gives a unit rate, else per tonne (bulk).
    func legEstimate(_ link: Link, country: String) -> (hours: P5090, cost: P5090, basis: CostBasis, source: String) {
        let tariff = network.tariff(mode: link.mode, country: country)
        var hours = link.hours ?? .zero
        if link.hours == nil, let t = tariff, t.speedKmh.p50 > 0, t.speedKmh.p90 > 0 {
            hours = P5090(p50: link.km / t.speedKmh.p50, p90: link.km / t.speedKmh.p90)
        }
        let source = [link.source, tariff?.source].compactMap { $0 }.joined(separator: "; ")
        if link.usdPerTonneKm == nil, let perUnit = link.usdPerUnitKm ?? tariff?.usdPerUnitKm {
            return (hours, perUnit.scaled(by: link.km), .perUnit, source)
        }
        let perTonne = link.usdPerTonneKm ?? tariff?.usdPerTonneKm ?? .zero
        return (hours, perTonne.scaled(by: link.km), .perTonne, source)
    }
}
