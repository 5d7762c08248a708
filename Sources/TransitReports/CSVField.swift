/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading
/// = + - @ that is not a number is prefixed with ' so that spreadsheets do not run it.
public enum CSVField {
    /// The field as it goes between commas.
    public static func quote(_ s: String) -> String {
        var v = s
        if let c = v.first, "=+-@".contains(c), Double(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        var out = "\""
        for c in v { if c == "\"" { out += "\"\"" } else { out.append(c) } }
        return out + "\""
    }
}
