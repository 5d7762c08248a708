import ArgumentParser
import Dispatch
import TransitServer

/// `transit-check serve`: the HTTP API (see `TransitAPI`), rules loaded once.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the checker over HTTP: POST /check, GET /corridors, GET /rules/{id}, GET /health.")
    @OptionGroup var rulesOptions: RulesOptions
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080

    func run() throws {
        let workspace = try rulesOptions.workspace()
        let done = DispatchSemaphore(value: 0)
        let host = self.host, port = self.port
        Task {
            do { try await TransitAPI.serve(workspace: workspace, host: host, port: port) } catch {
                Output.error("serve: \(error)")
            }
            done.signal()
        }
        done.wait()
    }
}
