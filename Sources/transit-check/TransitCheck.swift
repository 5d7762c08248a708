import ArgumentParser
import Foundation
import TransitCore
import TransitEngine
import TransitReports

@main
struct TransitCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transit-check",
        abstract:
            "Checks shipment manifests against transit, phytosanitary, veterinary and documentation rules along "
            + "Central Asia – Pakistan corridors.",
        discussion: "Exit status: 0 ready, 1 not ready (incomplete or blocked), 2 bad input or usage.",
        subcommands: [
            CheckCommand.self, BatchCommand.self, HistoryCommand.self, CorridorsCommand.self, PlacesCommand.self,
            DocumentsCommand.self, RulesCommand.self, ServeCommand.self, CorpusCommand.self,
        ])

    /// ArgumentParser exits 64 on usage errors; the SPEC says 2. A batch stopped by a signal
    /// exits 128 + its number (130 Ctrl-C, 143 SIGTERM), as shells report it, so scripts can
    /// tell it from a finished run.
    /// Exit statuses kept as they are: 0, 1, 2 and the two signal statuses.
    static let passedThrough: Set<Int32> = [0, 1, 2, 128 + SIGINT, 128 + SIGTERM]

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if passedThrough.contains(code.rawValue) {
                if code == .success, !(error is ExitCode) { print(fullMessage(for: error)) }
                Foundation.exit(code.rawValue)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Options every command shares: where the rules are and which drafts to add.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: "The rules directory (default: rules/ in this directory or a parent).")
    var rules: String?

    @Option(name: .long, help: "A draft rule pack to load as well (replaces an in-force pack with the same id).")
    var draft: [String] = []

    /// The rules loaded on `threads` threads (a batch's `--jobs`; by default every core).
    func workspace(threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Workspace {
        try loadWorkspace(rules: rules, drafts: draft, threads: threads)
    }
}

/// A `--corridor` the network does not have is bad input (exit 2), as on the server (400), not a
/// blocked shipment.
func requireKnownCorridor(_ corridor: String?, in workspace: Workspace) throws {
    guard let corridor, workspace.network.corridors[corridor] == nil else { return }
    let help =
        DidYouMean.suggest(corridor, among: workspace.network.corridors.keys).map { "\n  help: did you mean `\($0)`?" }
        ?? ""
    Output.error(
        "error: unknown corridor `\(DiagnosticText.visible(corridor))`; `transit-check corridors list` shows "
            + "them\(help)"
    )
    throw ExitCode(2)
}

/// Loads the rules directory (found from here when not given), or exits 2 with every problem.
func loadWorkspace(
    rules: String?, drafts draft: [String], threads: Int = ProcessInfo.processInfo.activeProcessorCount
) throws -> Workspace {
    guard let dir = rules ?? Workspace.findRulesDirectory() else {
        Output.error("no rules directory found here or above; pass --rules DIR")
        throw ExitCode(2)
    }
    switch Workspace.load(rulesDirectory: dir, drafts: draft, threads: threads) {
    case .success(let w): return w
    case .failure(let f):
        Output.error(DiagnosticText.render(f.diagnostics))
        throw ExitCode(2)
    }
}

/// Standard output and error, kept in one place.
enum Output {
    /// A message on standard error; if even that cannot be written (`2> /dev/full`), the exit
    /// status still tells.
    static func error(_ text: String) { _ = writeAll(STDERR_FILENO, text + "\n") }

    /// Text on standard output; a failed write (a full disk, `> /dev/full`) is exit 2 with a
    /// message, never a crash.
    static func write(_ text: String) {
        guard writeAll(STDOUT_FILENO, text) else {
            let reason = String(cString: strerror(errno))
            error("error: cannot write to standard output: \(reason)")
            exit(2)
        }
    }

    private static func writeAll(_ fd: Int32, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
    }
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static func emit(_ text: String, to path: String?) throws {
        if let path {
            do { try AtomicFile.write(text, to: path) } catch {
                Output.error("\(path): cannot write the output: \(error)")
                throw ExitCode(2)
            }
        } else {
            write(text)
        }
    }
}

/// Parses `YYYY-MM-DD` for options.
struct DayArgument: ExpressibleByArgument {
    var day: Day
    init?(argument: String) {
        guard let d = Day(iso: argument) else { return nil }
        day = d
    }
}
