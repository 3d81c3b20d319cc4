/// An identifier of a party with the scheme it is issued under, e.g. the seller identifier
/// (EN 16931 BT-29) or the seller's legal registration (BT-30, scheme BT-30-1 from the ISO 6523
/// ICD list: `0184` a Danish CVR number, `0002` a French SIRENE number).
public struct PartyIdentifier: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The identifier itself.
    public var identifier: String
    /// The scheme the identifier is issued under, if stated.
    public var scheme: String?

    /// Creates an identifier, optionally with its scheme.
    public init(identifier: String, scheme: String? = nil) {
        self.identifier = identifier
        self.scheme = scheme
    }

    /// `SCHEME:IDENTIFIER`, or the identifier alone when no scheme is stated.
    public var description: String { scheme.map { "\($0):\(identifier)" } ?? identifier }
}
