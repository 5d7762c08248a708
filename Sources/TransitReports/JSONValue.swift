import TransitCore

/// A JSON value whose objects keep their keys in the order given, written deterministically:
/// the same value always gives the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number rounded to `decimals` places, written without trailing zeros.
    case number(Double, decimals: Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Equal when they write the same compact JSON.
    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.compact == b.compact }

    /// A whole number.
    public static func int(_ v: Int) -> JSONValue { .number(Double(v), decimals: 0) }

    /// One line, no spaces.
    public var compact: String {
        var b: [UInt8] = []; b.reserveCapacity(4096); write(to: &b, indent: nil, level: 0);
        return String(decoding: b, as: UTF8.self)
    }

    /// Two-space indentation, one key per line.
    public var pretty: String {
        var b: [UInt8] = []; b.reserveCapacity(8192); write(to: &b, indent: 2, level: 0);
        return String(decoding: b, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of this value; writing bytes, not Strings, keeps batch output cheap.
    public func write<Out: ByteOutput>(to out: inout Out, indent: Int?, level: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let v, let d): JSONValue.format(v, decimals: d, into: &out)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent, level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append("{}"); return }
            out.append(UInt8(ascii: "{"))
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent, level + 1)
                JSONValue.escape(k, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                v.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline<Out: ByteOutput>(_ out: inout Out, _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(10)
        out.append(UInt8(ascii: " "), times: indent * level)
    }

    /// Rounds half away from zero and prints the shortest decimal form ("12", "3.5", "-0.25").
    public static func format(_ v: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        format(v, decimals: decimals, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `format(_:decimals:)` appended as bytes, digit by digit, without a String in between.
    public static func format<Out: ByteOutput>(_ v: Double, decimals: Int, into out: inout Out) {
        guard v.isFinite else { out.append("null"); return }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (v * scale).rounded(.toNearestOrAwayFromZero)
        if scaled == 0 { out.append(UInt8(ascii: "0")); return }
        let magnitude = abs(scaled)
        guard magnitude < 9e15 else { out.append(text: String(v)); return }
        var n = UInt64(magnitude)
        var fractionDigits = decimals
        // Trailing zeros of the fraction are not written.
        while fractionDigits > 0 && n % 10 == 0 { n /= 10; fractionDigits -= 1 }
        // Digits, least significant first, into a small stack buffer; a decimal point after
        // `fractionDigits` of them, and a leading zero when the number is below one.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buf in
            var i = 40
            var written = 0
            while n > 0 || written <= fractionDigits {
                if written == fractionDigits && fractionDigits > 0 { i -= 1; buf[i] = UInt8(ascii: ".") }
                i -= 1; buf[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10; written += 1
                if n == 0 && written > fractionDigits { break }
            }
            if scaled < 0 { i -= 1; buf[i] = UInt8(ascii: "-") }
            out.append(bytes: UnsafeBufferPointer(rebasing: buf[i..<40]))
        }
    }

    /// Appends a JSON string literal, copying runs of bytes that need no escape in one go.
    static func escape<Out: ByteOutput>(_ s: String, into out: inout Out) {
        out.append(UInt8(ascii: "\""))
        if s.utf8.withContiguousStorageIfAvailable({ escapeBytes($0, into: &out) }) == nil {
            Array(s.utf8).withUnsafeBufferPointer { escapeBytes($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `w` needs escaping (is below 0x20, `"` or `\\`). The
    /// bit tricks are exact about whether such a byte exists, not about which one it is.
    @inline(__always) private static func needsEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return (w &- ones &* 0x20) & ~w & highs != 0 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
    }

    /// How many leading bytes of a text are known to need no escape, eight at a time: all `n`
    /// for a text with nothing to escape, as most have (the last, partial group is read as the
    /// eight bytes ending the text, or, for a text shorter than eight, padded with spaces).
    @inline(__always) private static func cleanPrefix(_ base: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let raw = UnsafeRawPointer(base)
        guard n >= 8 else {
            var w: UInt64 = 0x2020_2020_2020_2020
            withUnsafeMutableBytes(of: &w) { $0.baseAddress!.copyMemory(from: raw, byteCount: n) }
            return needsEscape(w) ? 0 : n
        }
        var i = 0
        while i + 8 <= n {
            if needsEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return i }
            i += 8
        }
        return i == n || !needsEscape(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) ? n : i
    }

    private static func escapeBytes<Out: ByteOutput>(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout Out) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        let clean = cleanPrefix(base, n)
        if clean == n { out.append(bytes: bytes); return }
        // From the first group that needs an escape, byte by byte and again eight at a time.
        var runStart = 0
        var i = clean
        while i < n {
            // Eight bytes at a time while none needs escaping.
            while i + 8 <= n {
                if needsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { break }
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C { i += 1; continue }
            if i > runStart { out.append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            switch b {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            default:
                let hex = String(b, radix: 16)
                out.append(text: "\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            }
            i += 1
            runStart = i
        }
        if n > runStart { out.append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
    }
}

extension JSONValue {
    /// `{"p50": …, "p90": …}` with `decimals` places: the shape of every figure known by its
    /// median and 90th percentile.
    public static func quantiles(_ q: P5090, decimals: Int) -> JSONValue {
        .object([("p50", .number(q.p50, decimals: decimals)), ("p90", .number(q.p90, decimals: decimals))])
    }
}
