/// Lower-kebab-case identifiers.
enum Identifier {
    static func isKebab(_ s: String) -> Bool {
        guard let first = s.utf8.first, let last = s.utf8.last, first != 45, last != 45 else { return false }
        var previousHyphen = false
        for c in s.utf8 {
            let ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 45
            if !ok || (c == 45 && previousHyphen) { return false }
            previousHyphen = c == 45
        }
        return true
    }
}

/// HS codes as the loaders normalize them.
public enum HSCode {
    /// Digits only, or nil if `s` is not 2–10 digits with optional dots or spaces between groups.
    public static func normalize(_ s: String) -> String? {
        var digits = ""
        var previousSeparator = true
        for c in s {
            if c.isASCII && c.isNumber {
                digits.append(c); previousSeparator = false
            } else if (c == "." || c == " ") && !previousSeparator {
                previousSeparator = true
            } else {
                return nil
            }
        }
        guard !previousSeparator, (2...10).contains(digits.count) else { return nil }
        return digits
    }
}
