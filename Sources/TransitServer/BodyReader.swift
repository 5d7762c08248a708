import Hummingbird
import NIOCore
import NIOHTTP1

/// Reads a request body within the server's limits, and says what went wrong in words of its
/// own: too large (413), too slow (408), cut short before its declared length (400), or a
/// broken chunked encoding (400).
enum BodyReader {
    private struct TimedOut: Error {}

    static func read(_ request: Request, limits: ServerLimits) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limits.maxBody {
            throw tooLarge(limits)
        }
        let body = request.body
        let max = limits.maxBody
        do {
            return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
                group.addTask {
                    var bytes: [UInt8] = []
                    for try await chunk in body {
                        guard bytes.count + chunk.readableBytes <= max else { throw tooLarge(limits) }
                        bytes.append(contentsOf: chunk.readableBytesView)
                    }
                    return bytes
                }
                group.addTask {
                    try await Task.sleep(for: limits.bodyTimeout)
                    throw TimedOut()
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let bytes = first else { throw TimedOut() }
                return bytes
            }
        } catch is TimedOut {
            throw Problem(
                .requestTimeout, "body-timeout",
                "the request body did not arrive within \(seconds(limits.bodyTimeout)) s",
                headers: [.connection: "close"])
        } catch let e as HTTPParserError {
            throw problem(e, chunked: request.headers[.transferEncoding]?.lowercased().contains("chunked") == true)
        } catch let p as Problem {
            throw p
        } catch let e as HTTPError where e.status == .contentTooLarge {
            throw tooLarge(limits)
        }
    }

    static func tooLarge(_ limits: ServerLimits) -> Problem {
        Problem(
            .contentTooLarge, "body-too-large",
            "the request body is larger than \(limits.maxBody) bytes (\(limits.maxBody >> 20) MiB)",
            extra: [("limit_bytes", .int(limits.maxBody))], headers: [.connection: "close"])
    }

    /// A broken request body, by what broke.
    static func problem(_ e: HTTPParserError, chunked: Bool) -> Problem {
        switch e {
        case .invalidEOFState:
            return Problem(
                .badRequest, "body-truncated",
                chunked
                    ? "the chunked request body ended before its last (zero-size) chunk"
                    : "the request body ended before the length its Content-Length declared",
                headers: [.connection: "close"])
        case .invalidChunkSize:
            return Problem(
                .badRequest, "bad-chunk", "the chunked request body has a bad chunk-size line",
                headers: [.connection: "close"])
        case _ where chunked && [.lfExpected, .invalidConstant, .strictModeAssertion, .unknown].contains(e):
            return Problem(
                .badRequest, "bad-chunk", "the chunked request body has a chunk that does not end where its size says",
                headers: [.connection: "close"])
        default:
            return Problem(
                .badRequest, "malformed-request", "the request is not well-formed HTTP/1.1 (\(e))",
                headers: [.connection: "close"])
        }
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s == s.rounded() ? String(Int(s)) : String(s)
    }
}
