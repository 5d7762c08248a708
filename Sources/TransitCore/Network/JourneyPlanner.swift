/// Derives a shipment's journey from its corridor (SPEC 2.3, 3): the path from origin to
/// destination, its checkpoints in route order, and the time and cost of each leg, border and
/// transshipment. Origins and destinations off the corridor join it by the shortest feeder path.
public struct JourneyPlanner: Sendable {
    public let network: Network

    public init(network: Network) { self.network = network }

    /// The journey, or the reason there is none. `day` dates link statuses (the shipment's
    /// departure or `--as-of`); each link is judged on the day the shipment reaches it.
    public func plan(_ shipment: Shipment, corridor corridorID: String, day: Day) -> Result<Journey, RouteProblem> {
        guard let corridor = network.corridors[corridorID] else {
            return .failure(RouteProblem(code: "unknown-corridor", message: "corridor `\(corridorID)` is not in the network",
                                         location: shipment.fieldLocations["corridor"]))
        }
        switch path(shipment, corridor) {
        case .failure(let p): return .failure(p)
        case .success(let links): return .success(walk(links, shipment, corridor, day))
        }
    }

    // MARK: - Path

    func path(_ s: Shipment, _ corridor: Corridor) -> Result<[DirectedLink], RouteProblem> {
        let via = corridor.via
        let preferred = corridor.mode ?? (s.mode == .multimodal ? nil : s.mode)
        var head: [DirectedLink] = []
        var tail: [DirectedLink] = []
        let entry: Int
        let exit: Int
        if let i = via.firstIndex(of: s.origin) {
            entry = i
        } else {
            let paths = network.shortestPaths(from: s.origin)
            guard let i = nearest(via, paths) else { return .failure(notConnected(s.origin, "origin", corridor, s)) }
            entry = i
            var at = via[i]
            while let d = paths[at]?.via { head.insert(d, at: 0); at = d.from }
        }
        if let j = via.firstIndex(of: s.destination) {
            exit = j
        } else {
            let paths = network.shortestPaths(from: s.destination, reversed: true)
            guard let j = nearest(via, paths) else { return .failure(notConnected(s.destination, "destination", corridor, s)) }
            exit = j
            var at = via[j]
            while let d = paths[at]?.via { tail.append(d); at = d.to }
        }
        let backbone = entry <= exit ? Array(via[entry...exit]) : Array(via[exit...entry].reversed())
        var middle: [DirectedLink] = []
        for (a, b) in zip(backbone, backbone.dropFirst()) {
            guard let d = network.links(from: a, to: b, preferring: preferred).first else {
                return .failure(RouteProblem(code: "corridor-gap",
                                             message: "corridor `\(corridor.id)` has no link from \(a) to \(b)",
                                             location: corridor.location))
            }
            middle.append(d)
        }
        return .success(head + middle + tail)
    }

    private func nearest(_ via: [String], _ paths: [String: (km: Double, via: DirectedLink?)]) -> Int? {
        var best: (Int, Double)?
        for (i, p) in via.enumerated() {
            if let km = paths[p]?.km, best == nil || km < best!.1 { best = (i, km) }
        }
        return best?.0
    }

    private func notConnected(_ place: String, _ role: String, _ c: Corridor, _ s: Shipment) -> RouteProblem {
        RouteProblem(code: "not-on-corridor", message: "\(role) \(place) is not connected to corridor `\(c.id)`",
                     location: s.fieldLocations[role])
    }

    // MARK: - Walk

    func walk(_ links: [DirectedLink], _ s: Shipment, _ corridor: Corridor, _ day: Day) -> Journey {
        let tonnes = s.grossKg / 1000
        let units = Double(max(1, s.transport.units))
        var clock = LogNormalSum()
        var checkpoints: [Checkpoint] = []
        var steps: [Step] = []
        var problems: [RouteProblem] = []
        var countries: [String] = []
        var modes: [TransportMode] = []
        var places = [s.origin]
        var kmAt = [0.0]
        let originCountry = network.places[s.origin]?.country ?? s.shipper.country
        let destinationCountry = network.places[s.destination]?.country ?? s.consignee.country
        func see(_ c: String) { if !countries.contains(c) { countries.append(c) } }
        func place(_ id: String) -> Place { network.places[id] ?? Place(id: id, name: id, country: "", kind: .city) }

        let first = links.first.map { network.links[$0.index].mode }
        checkpoints.append(Checkpoint(kind: .export, country: originCountry, place: s.origin, mode: first, arrivalHours: .zero))
        see(originCountry)
        var previous: Link?
        for d in links {
            let link = network.links[d.index]
            let from = place(d.from), to = place(d.to)
            if !modes.contains(link.mode) { modes.append(link.mode) }
            if let prev = previous, let reason = transshipmentReason(prev, link), let cost = network.transshipment[reason] {
                checkpoints.append(Checkpoint(kind: .transshipment, country: from.country, place: from.id, mode: link.mode,
                                              arrivalHours: clock.quantiles))
                steps.append(Step(kind: .transshipment, name: "\(reason.rawValue) at \(from.name)", place: from.id,
                                  mode: link.mode, hours: cost.hours, costUSD: cost.usdPerUnit.scaled(by: units), source: cost.source))
                clock.add(cost.hours)
            }
            let reached = day.adding(hours: clock.quantiles.p50)
            let (status, statusSource) = link.status(on: reached)
            if status != .operational {
                problems.append(RouteProblem(
                    code: "link-\(status.rawValue)",
                    message: "\(link.mode.rawValue) link \(from.name) (\(from.id)) – \(to.name) (\(to.id)) is \(status.rawValue) on \(reached) (\(statusSource))",
                    location: link.location))
            }
            let crossesBorder = from.country != to.country
            if crossesBorder {
                checkpoints.append(Checkpoint(kind: .exit, country: from.country, place: from.id, mode: link.mode,
                                              arrivalHours: clock.quantiles))
                if let b = link.border {
                    steps.append(Step(kind: .border, name: "border \(from.name) – \(to.name)", from: from.id, to: to.id,
                                      mode: link.mode, hours: b.hours, costUSD: b.feesUSD.scaled(by: units), source: b.source))
                    clock.add(b.hours)
                }
            }
            let leg = legEstimate(link, country: from.country, tonnes: tonnes)
            steps.append(Step(kind: .leg, name: "\(from.name) – \(to.name)", from: from.id, to: to.id, mode: link.mode,
                              km: link.km, hours: leg.hours, costUSD: leg.cost, source: leg.source))
            clock.add(leg.hours)
            if crossesBorder {
                let now = clock.quantiles
                checkpoints.append(Checkpoint(kind: .entry, country: to.country, place: to.id, mode: link.mode, arrivalHours: now))
                if to.country != originCountry, to.country != destinationCountry, !countries.contains(to.country) {
                    checkpoints.append(Checkpoint(kind: .transit, country: to.country, place: to.id, mode: link.mode, arrivalHours: now))
                }
                see(to.country)
            }
            places.append(to.id)
            kmAt.append(kmAt.last! + link.km)
            previous = link
        }
        checkpoints.append(Checkpoint(kind: .import, country: destinationCountry, place: s.destination, mode: previous?.mode,
                                      arrivalHours: clock.quantiles))
        see(destinationCountry)
        let transit = countries.filter { $0 != originCountry && $0 != destinationCountry }
        return Journey(corridor: corridor.id, places: places, links: links, checkpoints: checkpoints, steps: steps,
                       countries: countries, transit: transit, modes: modes, problems: problems, kmAt: kmAt)
    }

    func transshipmentReason(_ a: Link, _ b: Link) -> TransshipmentReason? {
        if a.mode != b.mode { return .modeChange }
        if a.mode == .rail, let ga = a.gaugeMM, let gb = b.gaugeMM, ga != gb { return .gaugeChange }
        return nil
    }

    func legEstimate(_ link: Link, country: String, tonnes: Double) -> (hours: P5090, cost: P5090, source: String) {
        let tariff = network.tariff(mode: link.mode, country: country)
        var hours = link.hours ?? .zero
        if link.hours == nil, let t = tariff, t.speedKmh.p50 > 0, t.speedKmh.p90 > 0 {
            hours = P5090(p50: link.km / t.speedKmh.p50, p90: link.km / t.speedKmh.p90)
        }
        let rate = link.usdPerTonneKm ?? tariff?.usdPerTonneKm ?? .zero
        let source = [link.source, tariff?.source].compactMap { $0 }.joined(separator: "; ")
        return (hours, rate.scaled(by: link.km * tonnes), source)
    }
}
