import Foundation
import Hummingbird
import HummingbirdCore

/// A request as a handler sees it: the Hummingbird request, the path's `{parameters}` and the
/// query, already checked against the parameters the route takes.
struct RouteRequest: Sendable {
    let request: Request
    let parameters: [String: String]
    let query: Query
}

/// One route: method, path pattern (`/corridors/{id}`), the query parameters it takes and its
/// handler. The table of routes is the one list the responder dispatches on and the OpenAPI
/// test compares with the document.
struct Route: Sendable {
    let method: HTTPRequest.Method
    let path: String
    let query: [String]
    let handler: @Sendable (TransitAPI, RouteRequest) async throws -> Response

    init(
        _ method: HTTPRequest.Method, _ path: String, query: [String] = [],
        _ handler: @escaping @Sendable (TransitAPI, RouteRequest) async throws -> Response
    ) {
        self.method = method; self.path = path; self.query = query; self.handler = handler
    }

    /// The pattern's segments; `{name}` matches any one non-empty segment.
    var pattern: [String] { RouteTable.segments(path) }

    /// The path parameters, when `segments` match this route's pattern.
    func match(_ segments: [String]) -> [String: String]? {
        let p = pattern
        guard p.count == segments.count else { return nil }
        var out: [String: String] = [:]
        for (a, b) in zip(p, segments) {
            if a.hasPrefix("{") && a.hasSuffix("}") {
                guard !b.isEmpty else { return nil }
                out[String(a.dropFirst().dropLast())] = b.removingPercentEncoding ?? b
            } else if a != b {
                return nil
            }
        }
        return out
    }
}

/// The routes, in the order they are documented.
struct RouteTable: Sendable {
    let routes: [Route]
    init(_ routes: [Route]) { self.routes = routes }

    /// `/a/b/` → ["a", "b"]; `/` → [].
    static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}

/// The query of a request, refused (400, naming them) when it holds parameters the route does
/// not take, so that a typo (`?formt=text`) is never silently ignored.
struct Query: Sendable {
    let values: [String: String]

    init(_ parameters: FlatDictionary<Substring, Substring>, allowed: [String]) throws {
        var values: [String: String] = [:]
        var unknown: [String] = []
        for (k, v) in parameters {
            let key = String(k), value = String(v)
            if key.isEmpty && value.isEmpty { continue }  // `?` alone, or `&&`
            if allowed.contains(key) {
                guard values[key] == nil else {
                    throw Problem.badParameter(key, "query parameter `\(key)` is given twice")
                }
                values[key] = value
            } else if !unknown.contains(key) {
                unknown.append(key)
            }
        }
        guard unknown.isEmpty else { throw Problem.unknownParameters(unknown, allowed: allowed) }
        self.values = values
    }

    subscript(_ key: String) -> String? { values[key] }

    /// A parameter that must be one of `choices`, or `fallback` when absent.
    func choice(_ key: String, _ choices: [String], default fallback: String) throws -> String {
        guard let v = values[key] else { return fallback }
        guard choices.contains(v) else {
            throw Problem.badParameter(
                key, "`\(key)` must be " + choices.map { "`\($0)`" }.joined(separator: ", ") + "; got `\(v)`")
        }
        return v
    }
}
