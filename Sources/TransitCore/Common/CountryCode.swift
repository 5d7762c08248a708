/// ISO 3166-1 alpha-2 country codes, so that a typo such as `PKK` or `KS` is caught at load time.
public enum CountryCode {
    /// Every assigned alpha-2 code.
    public static let all: Set<String> = Set(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT \
        BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH \
        ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT \
        HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS \
        LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI \
        NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG \
        SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG \
        UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init))

    /// Whether `code` is an ISO 3166-1 alpha-2 code (upper case, as written in rule packs).
    public static func isValid(_ code: String) -> Bool {
        var code = code
        return code.withUTF8 { u in
            guard u.count == 2, let i = index(u[0], u[1]) else { return false }
            return assigned[i]
        }
    }

    /// The number of a code of two capital letters (0 ..< 676), whether assigned or not; nil for
    /// anything else. Tables by country use it to find a code without hashing a text.
    static func letterPairIndex(_ code: String) -> Int? {
        let u = code.utf8
        guard u.count == 2 else { return nil }
        return index(u[u.startIndex], u[u.index(after: u.startIndex)])
    }

    /// Where a pair of capital letters falls in `assigned`, or nil for anything else.
    private static func index(_ a: UInt8, _ b: UInt8) -> Int? {
        let A = UInt8(ascii: "A"), Z = UInt8(ascii: "Z")
        guard (A...Z).contains(a), (A...Z).contains(b) else { return nil }
        return Int(a - A) * 26 + Int(b - A)
    }

    /// `all` as a table over every pair of capital letters, read without hashing a text.
    private static let assigned: [Bool] = {
        var table = [Bool](repeating: false, count: 26 * 26)
        for code in all {
            let u = Array(code.utf8)
            if let i = index(u[0], u[1]) { table[i] = true }
        }
        return table
    }()

    /// ISO 3166-1 alpha-3 codes of the countries this trade touches and their neighbours, so that
    /// `KAZ` is answered with `KZ` (edit distance alone would offer `AZ`).
    static let alpha3: [String: String] = [
        "AFG": "AF", "ARM": "AM", "AZE": "AZ", "BLR": "BY", "CHN": "CN", "GEO": "GE", "IND": "IN", "IRN": "IR",
        "KAZ": "KZ", "KGZ": "KG", "PAK": "PK", "RUS": "RU", "TJK": "TJ", "TKM": "TM", "TUR": "TR", "UZB": "UZ",
        "ARE": "AE", "OMN": "OM", "MNG": "MN",
    ]

    /// The code a person most likely meant by `text`: the alpha-2 code of an alpha-3 one, else
    /// the nearest alpha-2 code by spelling.
    public static func suggestion(for text: String) -> String? {
        let upper = text.uppercased()
        if let code = alpha3[upper] { return code }
        if upper.count == 2, all.contains(upper) { return upper }
        return DidYouMean.suggest(upper, among: all)
    }
}
