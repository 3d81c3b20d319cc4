/// An ISO 4217 currency with its number of minor units (EUR 2, JPY 0, BHD 3).
public struct Currency: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The three ASCII letters of the code, big-endian, so the value is trivially copyable (no
    /// reference counting on the hot path) and orders like the code.
    private let packed: UInt32
    /// Decimals of the minor unit, e.g. 2 for cents.
    public let minorUnits: Int

    /// Looks the code up in the ISO 4217 table; nil when it is not an active currency code.
    public init?(code: String) {
        guard let minorUnits = Self.iso4217[code] else { return nil }
        self.packed = code.utf8.reduce(0) { $0 << 8 | UInt32($1) }
        self.minorUnits = minorUnits
    }

    /// The alphabetic code, e.g. `EUR`.
    public var code: String {
        String(decoding: [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)], as: UTF8.self)
    }

    /// The alphabetic code, e.g. `EUR`.
    public var description: String { code }

    /// Orders currencies by their code.
    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.packed < rhs.packed }
}

extension Currency {
    // swift-format-ignore: NeverForceUnwrap
    /// The euro, 2 minor units.
    public static let eur = Currency(code: "EUR")!
    // swift-format-ignore: NeverForceUnwrap
    /// The US dollar, 2 minor units.
    public static let usd = Currency(code: "USD")!
    // swift-format-ignore: NeverForceUnwrap
    /// The pound sterling, 2 minor units.
    public static let gbp = Currency(code: "GBP")!
    // swift-format-ignore: NeverForceUnwrap
    /// The Swiss franc, 2 minor units.
    public static let chf = Currency(code: "CHF")!
    // swift-format-ignore: NeverForceUnwrap
    /// The Japanese yen, no minor units.
    public static let jpy = Currency(code: "JPY")!
}
