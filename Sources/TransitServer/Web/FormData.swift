import Foundation

/// The fields of an HTML form as a browser posts them: `application/x-www-form-urlencoded`,
/// or `multipart/form-data` when the form uploads a file. Values are text; a file's value is
/// its bytes (a manifest), kept as bytes so that invalid UTF-8 reaches the decoder as sent.
struct FormData: Sendable {
    /// Field name → value bytes; the first value wins when a name repeats.
    private(set) var fields: [String: [UInt8]] = [:]

    init(fields: [String: [UInt8]] = [:]) { self.fields = fields }

    subscript(_ name: String) -> String? { fields[name].map { String(decoding: $0, as: UTF8.self) } }

    /// The value's bytes (an uploaded file).
    func bytes(_ name: String) -> [UInt8]? { fields[name] }

    mutating func add(_ name: String, _ value: [UInt8]) { if fields[name] == nil { fields[name] = value } }

    /// Parses a body by its `Content-Type`; nil when the type is neither form encoding (415).
    static func parse(_ body: [UInt8], contentType: String) throws -> FormData? {
        let lower = contentType.lowercased()
        if lower.hasPrefix("application/x-www-form-urlencoded") { return urlencoded(body) }
        if lower.hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: contentType) else {
                throw Problem(.badRequest, "bad-form", "multipart/form-data without a boundary")
            }
            return try multipart(body, boundary: boundary)
        }
        return nil
    }

    static func urlencoded(_ body: [UInt8]) -> FormData {
        var form = FormData()
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            form.add(String(decoding: decode(parts[0]), as: UTF8.self), parts.count > 1 ? decode(parts[1]) : [])
        }
        return form
    }

    /// `+` as space and `%XX` as the byte it names; a bad escape stays as written.
    static func decode(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == UInt8(ascii: "+") { out.append(32); i += 1; continue }
            if c == UInt8(ascii: "%"), i + 2 < s.endIndex, let h = hex(s[i + 1]), let l = hex(s[i + 2]) {
                out.append(h << 4 | l); i += 3; continue
            }
            out.append(c); i += 1
        }
        return out
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }

    /// A parameter of a header value: `boundary` in `multipart/form-data; boundary=xyz`.
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v.isEmpty ? nil : v
        }
        return nil
    }

    /// RFC 7578: parts between `--boundary` lines, each with headers, a blank line and its bytes.
    static func multipart(_ body: [UInt8], boundary: String) throws -> FormData {
        let delimiter = Array("--\(boundary)".utf8)
        var form = FormData()
        var starts: [Int] = []
        var i = 0
        while let at = find(delimiter, in: body, from: i) { starts.append(at); i = at + delimiter.count }
        guard starts.count >= 2 else {
            throw Problem(.badRequest, "bad-form", "the multipart body has no parts between its boundaries")
        }
        for (a, b) in zip(starts, starts.dropFirst()) {
            var start = a + delimiter.count
            if start + 1 < body.count, body[start] == 13, body[start + 1] == 10 { start += 2 }
            var end = b
            if end >= 2, body[end - 2] == 13, body[end - 1] == 10 { end -= 2 }
            guard start <= end, let split = find([13, 10, 13, 10], in: Array(body[start..<end]), from: 0) else {
                throw Problem(.badRequest, "bad-form", "a multipart part has no blank line after its headers")
            }
            let headers = String(decoding: body[start..<start + split], as: UTF8.self)
            let value = Array(body[(start + split + 4)..<end])
            guard
                let disposition = headers.split(separator: "\r\n").first(where: {
                    $0.lowercased().hasPrefix("content-disposition:")
                }),
                let name = parameter("name", in: String(disposition))
            else { continue }
            form.add(name, value)
        }
        return form
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == first && hay[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
