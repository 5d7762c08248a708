import ArgumentParser
import TransitCore
import TransitEngine
import TransitReports

/// `transit-check places list`: the UN/LOCODEs a manifest may name, with country and kind.
struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places", abstract: "The places a manifest may name.",
        subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List every known place (UN/LOCODE), by country.")
        @OptionGroup var rulesOptions: RulesOptions
        @Option(help: "Only the places of this country (ISO 3166-1 alpha-2).") var country: String?
        @Option(help: "text or json.") var format: ListFormat = .text

        func run() throws {
            let w = try rulesOptions.workspace()
            let places = CatalogueReports.places(w.network, country: country?.uppercased())
            Output.write(
                format == .json
                    ? CatalogueReports.placesJSON(places).pretty + "\n" : CatalogueReports.placesText(places))
        }
    }
}

/// `transit-check documents list`: the document types a manifest may list, with their codes.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "The document types a manifest may list.",
        subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List every document type with its UN/CEFACT code and issuer.")
        @OptionGroup var rulesOptions: RulesOptions
        @Option(help: "text or json.") var format: ListFormat = .text

        func run() throws {
            let w = try rulesOptions.workspace()
            let catalogue = w.ruleSet.documents
            Output.write(
                format == .json
                    ? CatalogueReports.documentsJSON(catalogue).pretty + "\n"
                    : CatalogueReports.documentsText(catalogue))
        }
    }
}
