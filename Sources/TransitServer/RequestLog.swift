import Foundation
import HTTPTypes
import Hummingbird

/// One line per request in the Common Log Format (`host ident authuser [date] "request" status
/// bytes`), followed by the request id in quotes, so a line can be found from the id a client
/// was given in `X-Request-Id`.
public struct RequestLog: Sendable {
    /// Where lines go (standard output for `serve`; tests collect them).
    public let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Lines to standard output, each written with one `write(2)` so lines never interleave.
    public static let standardOutput = RequestLog { line in
        var bytes = Array(line.utf8)
        bytes.append(10)
        bytes.withUnsafeBufferPointer { b in _ = Foundation.write(1, b.baseAddress, b.count) }
    }

    /// Nothing (the in-process tests that do not read the log).
    public static let none = RequestLog { _ in }

    /// The line for one request. `host` is the peer's address, `time` when the request came in.
    public static func line(
        host: String, time: Date, method: String, target: String, status: Int, bytes: Int?, id: String
    ) -> String {
        "\(host) - - [\(clfDate(time))] \"\(escape(method)) \(escape(target)) HTTP/1.1\" \(status) "
            + "\(bytes.map(String.init) ?? "-") \"\(id)\""
    }

    /// `10/Oct/2000:13:55:36 +0000`, in UTC.
    static func clfDate(_ d: Date) -> String {
        var t = time_t(d.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return
            "\(two(parts.tm_mday))/\(months[Int(parts.tm_mon)])/\(parts.tm_year + 1900):\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    /// A request line as logged: quotes, backslashes and control bytes escaped, so that a
    /// request cannot forge a second log line.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 || u.value == 0x7f {
                    out += "\\x" + String(format: "%02x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }
}

/// The id every response carries in `X-Request-Id`: the client's own when it sent a short,
/// plain one, otherwise a new random one.
enum RequestID {
    static let header = HTTPField.Name("X-Request-Id")!

    static func id(for request: Request) -> String {
        if let given = request.headers[header], (1...64).contains(given.utf8.count),
            given.utf8.allSatisfy({
                isalnum(Int32($0)) != 0 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            })
        {
            return given
        }
        var g = SystemRandomNumberGenerator()
        return String(g.next(), radix: 16).leftPadded(16, "0")
    }
}

extension String {
    func leftPadded(_ n: Int, _ c: Character) -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
