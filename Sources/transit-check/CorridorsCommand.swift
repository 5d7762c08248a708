import ArgumentParser
import TransitCore
import TransitEngine
import TransitReports
import Foundation

/// `transit-check corridors list|show`: the bundled corridors.
struct CorridorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridors", abstract: "List and show corridors.",
        subcommands: [List.self, Show.self, Compare.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List every corridor with its places.")
        @OptionGroup var rulesOptions: RulesOptions

        func run() throws {
            let w = try rulesOptions.workspace()
            for c in w.network.sortedCorridors {
                let countries = c.via.compactMap { w.network.places[$0]?.country }.reduce(into: [String]()) {
                    if $0.last != $1 { $0.append($1) }
                }
                Output.write("\(c.id.padded(22)) \(c.name) [\(countries.joined(separator: "–"))]\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a corridor's places and links with their status today.")
        @OptionGroup var rulesOptions: RulesOptions
        @Argument(help: "Corridor id.") var id: String
        @Option(
            help: "Write the UNESCAP time/cost-distance chart (SVG) of a 20 t consignment in one unit to this file.")
        var chart: String?

        func run() throws {
            let w = try rulesOptions.workspace()
            guard let c = w.network.corridors[id] else {
                Output.error(
                    "unknown corridor `\(id)`"
                        + (DidYouMean.help(id, among: w.network.corridors.keys).map { "; \($0)" } ?? ""))
                throw ExitCode(2)
            }
            Output.write("\(c.id): \(c.name)\n\(c.description)\nsource: \(c.source)\n")
            for (a, b) in zip(c.via, c.via.dropFirst()) {
                guard let d = w.network.links(from: a, to: b, preferring: c.mode).first else { continue }
                let l = w.network.links[d.index]
                let pa = w.network.places[a]!, pb = w.network.places[b]!
                let history = l.history.map { " \($0.status.rawValue) \($0.span.description)" }.joined()
                Output.write(
                    "  \(pa.name) (\(a)) → \(pb.name) (\(b)): \(l.mode.rawValue) \(Int(l.km)) km, "
                        + "\(l.status.rawValue)\(history)\(l.border != nil ? ", border" : "")\n"
                )
            }
            if let chart {
                guard let points = w.evaluator.referenceProfile(corridor: c) else {
                    Output.error("corridor `\(id)` has no route"); throw ExitCode(2)
                }
                try Output.emit(
                    TimeCostChart.svg(
                        title: "\(c.name): 20 t in one unit", series: [.init(name: c.id, points: points)]), to: chart)
            }
        }
    }
}

extension CorridorsCommand {
    /// `corridors compare FILE`: the shipment on every corridor that joins its ends, best first.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Check a manifest on every corridor that joins its origin and destination, best first.")
        @Argument(help: "Manifest file.") var file: String
        @OptionGroup var rulesOptions: RulesOptions
        @Option(help: "Rank by time or cost (after the verdict).") var by: RankBy = .time
        @Option(name: .customLong("as-of"), help: "Judge rules as of this date (YYYY-MM-DD).") var asOf: DayArgument?
        @Option(help: "Write the UNESCAP time/cost-distance chart (SVG) of every corridor to this file.") var chart:
            String?

        func run() throws {
            let w = try rulesOptions.workspace()
            let shipment: Shipment
            switch w.loadShipment(file) {
            case .success(let s): shipment = s
            case .failure(let f): Output.error(DiagnosticText.render(f.diagnostics)); throw ExitCode(2)
            }
            let ranked = w.evaluator.compare(shipment, options: CheckOptions(asOf: asOf?.day), byCost: by == .cost)
            Output.write("\(shipment.id): \(shipment.origin) → \(shipment.destination), \(ranked.count) corridors\n")
            for (i, o) in ranked.enumerated() {
                let e = o.report.estimate
                let why =
                    o.report.findings.first { $0.severity == .error && !$0.code.isAboutADocument }?.message
                    ?? o.report.documentsToObtain.map(\.document).joined(separator: ", ")
                let days = String(format: "%5.1f days (p90 %5.1f)", e.timeHours.p50 / 24, e.timeHours.p90 / 24)
                let usd = String(format: "USD %6.0f (p90 %6.0f)", e.costUSD.p50, e.costUSD.p90)
                Output.write(
                    "\(String(i + 1).leftPadded(2)). \(o.corridor.padded(19)) \(o.report.verdict.rawValue.padded(10)) "
                        + "\(days)  \(usd)  \(why)\n"
                )
            }
            if let chart {
                let series = ranked.map {
                    TimeCostChart.Series(
                        name: "\($0.corridor) (\($0.report.verdict.rawValue))",
                        points: w.evaluator.profile(shipment, $0.report))
                }
                try Output.emit(
                    TimeCostChart.svg(
                        title: "\(shipment.id): \(shipment.origin) → \(shipment.destination)", series: series),
                    to: chart)
            }
            if ranked.isEmpty { throw ExitCode(1) }
        }
    }
}
