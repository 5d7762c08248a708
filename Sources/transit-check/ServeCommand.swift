import ArgumentParser
import Dispatch
import TransitServer

/// `transit-check serve`: the web page and the HTTP API (see `TransitAPI`), rules loaded once.
/// Logs one Common Log Format line per request on standard output; SIGTERM or Ctrl-C stops
/// accepting, lets the requests in flight finish, and exits 0.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Serve the web page and the API over HTTP: GET / (the page), POST /check, POST /compare, GET /openapi.json."
    )
    @OptionGroup var rulesOptions: RulesOptions
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port: Int = 8080
    @Option(name: .customLong("max-connections"), help: "Open connections at most; more wait until one closes.")
    var maxConnections: Int = ServerLimits.standard.maxConnections

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
    }

    func run() throws {
        let workspace = try rulesOptions.workspace()
        let done = DispatchSemaphore(value: 0)
        let host = self.host, port = self.port
        var limits = ServerLimits.standard
        limits.maxConnections = maxConnections
        let box = FailureBox()
        Task { [limits] in
            do {
                try await TransitAPI.serve(workspace: workspace, host: host, port: port, limits: limits) { bound in
                    Output.error("transit-check: serving http://\(host):\(bound)/ (Ctrl-C or SIGTERM to stop)")
                }
            } catch {
                Output.error("serve: \(error)")
                box.failed = true
            }
            done.signal()
        }
        done.wait()
        if box.failed { throw ExitCode(2) }
    }
}

/// Whether the server stopped on an error (set by its task, read after it ends).
private final class FailureBox: @unchecked Sendable { var failed = false }
