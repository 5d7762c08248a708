import ArgumentParser
import TransitCore
import TransitEngine

/// `transit-check corridors list|show`: the bundled corridors.
struct CorridorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corridors", abstract: "List and show corridors.",
                                                    subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every corridor with its places.")
        @OptionGroup var rulesOptions: RulesOptions

        func run() throws {
            let w = try rulesOptions.workspace()
            for c in w.network.sortedCorridors {
                let countries = c.via.compactMap { w.network.places[$0]?.country }.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
                Output.write("\(c.id.padding(toLength: 22, withPad: " ", startingAt: 0)) \(c.name) [\(countries.joined(separator: "–"))]\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a corridor's places and links with their status today.")
        @OptionGroup var rulesOptions: RulesOptions
        @Argument(help: "Corridor id.") var id: String

        func run() throws {
            let w = try rulesOptions.workspace()
            guard let c = w.network.corridors[id] else {
                Output.error("unknown corridor `\(id)`" + (DidYouMean.help(id, among: w.network.corridors.keys).map { "; \($0)" } ?? ""))
                throw ExitCode(2)
            }
            Output.write("\(c.id): \(c.name)\n\(c.description)\nsource: \(c.source)\n")
            for (a, b) in zip(c.via, c.via.dropFirst()) {
                guard let d = w.network.links(from: a, to: b, preferring: c.mode).first else { continue }
                let l = w.network.links[d.index]
                let pa = w.network.places[a]!, pb = w.network.places[b]!
                let history = l.history.map { " \($0.status.rawValue) \($0.period.from?.description ?? "…")–\($0.period.until?.description ?? "…")" }.joined()
                Output.write("  \(pa.name) (\(a)) → \(pb.name) (\(b)): \(l.mode.rawValue) \(Int(l.km)) km, \(l.status.rawValue)\(history)\(l.border != nil ? ", border" : "")\n")
            }
        }
    }
}
