/// The transport network (SPEC 2.3): places, links, tariffs, transshipment costs and corridors,
/// indexed for route lookups.
public struct Network: Sendable {
    public let places: [String: Place]
    public let links: [Link]
    public let tariffs: [Tariff]
    /// What a transshipment costs, by reason.
    public let transshipment: [TransshipmentReason: TransshipmentCost]
    public let corridors: [String: Corridor]
    /// Outgoing directed links by place id.
    private let outgoing: [String: [DirectedLink]]
    /// Incoming directed links by place id.
    private let incoming: [String: [DirectedLink]]

    public init(
        places: [Place], links: [Link], tariffs: [Tariff], transshipment: [TransshipmentReason: TransshipmentCost],
        corridors: [Corridor]
    ) {
        self.places = Dictionary(places.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.links = links
        self.tariffs = tariffs
        self.transshipment = transshipment
        self.corridors = Dictionary(corridors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [String: [DirectedLink]] = [:]
        for (i, l) in links.enumerated() {
            out[l.from, default: []].append(DirectedLink(index: i, from: l.from, to: l.to))
            if !l.oneway { out[l.to, default: []].append(DirectedLink(index: i, from: l.to, to: l.from)) }
        }
        outgoing = out
        var inc: [String: [DirectedLink]] = [:]
        for list in out.values { for d in list { inc[d.to, default: []].append(d) } }
        incoming = inc.mapValues { $0.sorted { ($0.index, $0.from) < ($1.index, $1.from) } }
    }

    /// The corridors in order of id.
    public var sortedCorridors: [Corridor] { corridors.values.sorted { $0.id < $1.id } }

    /// Links from `a` to `b`; where several join them, the one of `mode` comes first.
    public func links(from a: String, to b: String, preferring mode: TransportMode?) -> [DirectedLink] {
        let all = (outgoing[a] ?? []).filter { $0.to == b }
        guard let mode else { return all }
        return all.filter { links[$0.index].mode == mode } + all.filter { links[$0.index].mode != mode }
    }

    /// The tariff for a mode in a country, falling back to the mode's general tariff.
    public func tariff(mode: TransportMode, country: String) -> Tariff? {
        tariffs.first { $0.mode == mode && $0.country == country }
            ?? tariffs.first { $0.mode == mode && $0.country == nil }
    }

    /// Shortest distances (km) from `start` to every reachable place, with the link that reached it.
    /// With a preferred mode, a link of another mode counts double, so that a rail shipment
    /// reaches its corridor by rail where a railway exists (the km returned are so weighted).
    public func shortestPaths(
        from start: String, reversed: Bool = false,
        preferring mode: TransportMode? = nil
    ) -> [String: (km: Double, via: DirectedLink?)] {
        var best: [String: (km: Double, via: DirectedLink?)] = [start: (0, nil)]
        var done = Set<String>()
        while true {
            // The network has tens of places: a linear scan beats a heap here and stays deterministic.
            guard
                let (place, entry) = best.filter({ !done.contains($0.key) })
                    .min(by: { ($0.value.km, $0.key) < ($1.value.km, $1.key) })
            else { break }
            done.insert(place)
            for d in edges(at: place, reversed: reversed) {
                let next = reversed ? d.from : d.to
                let weight = mode == nil || links[d.index].mode == mode ? 1.0 : 2.0
                let km = entry.km + links[d.index].km * weight
                if let known = best[next], known.km <= km { continue }
                best[next] = (km, d)
            }
        }
        return best
    }

    private func edges(at place: String, reversed: Bool) -> [DirectedLink] {
        reversed ? incoming[place] ?? [] : outgoing[place] ?? []
    }
}

/// A link taken in one direction.
public struct DirectedLink: Hashable, Sendable {
    /// The link's index in `Network.links`.
    public var index: Int
    public var from: String
    public var to: String
}
