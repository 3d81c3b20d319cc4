/// A field by which an account's orders are split into invoicing units.
public enum GroupingCharacteristic: String, Sendable, Hashable, CaseIterable {
    case companyCode
    case currency
    case paymentTerms
    case billingDate
    case salesOrganisation
    case sourceCategory
    case documentType
    case referenceOrder
    /// One invoice per delivery.
    case referenceDelivery
    /// One invoice per source document.
    case sourceDocument

    /// The value of this characteristic for one order.
    func value(of document: SourceDocument, paymentTerms: String, salesOrganisation: String) -> String {
        switch self {
        case .companyCode: return document.companyCode
        case .currency: return document.currency.code
        case .paymentTerms: return paymentTerms
        case .billingDate: return document.billingDate.description
        case .salesOrganisation: return salesOrganisation
        case .sourceCategory: return document.category.rawValue
        case .documentType: return document.type
        case .referenceOrder: return document.referenceOrder ?? ""
        case .referenceDelivery: return document.referenceDelivery ?? ""
        case .sourceDocument: return document.id
        }
    }
}
