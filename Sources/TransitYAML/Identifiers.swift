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
        // Byte by byte: any byte outside ASCII belongs to a character that is not an ASCII digit,
        // a dot or a space (a combining mark makes the character before it another character),
        // so it is refused as a character-by-character reading would refuse it.
        // Ten digits fit a small string, which is made without allocating.
        var previousSeparator = true, valid = true
        let digits = String(unsafeUninitializedCapacity: 10) { out in
            var n = 0
            for b in s.utf8 {
                if b >= 48 && b <= 57 {
                    guard n < 10 else { valid = false; return 0 }
                    out[n] = b; n += 1; previousSeparator = false
                } else if (b == 46 || b == 32) && !previousSeparator {
                    previousSeparator = true
                } else {
                    valid = false; return 0
                }
            }
            return n
        }
        guard valid, !previousSeparator, digits.utf8.count >= 2 else { return nil }
        return digits
    }
}
