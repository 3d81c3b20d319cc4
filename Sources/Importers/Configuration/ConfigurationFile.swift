internal import Foundation
public import InvoicingCore

/// The invoicing configuration file (JSON): processes, types, categories, grouping variants.
///
/// JSON because the toolchain reads it without a dependency and it carries no ambiguity (YAML's
/// `no` and `1.10` surprises would be a poor fit for configuration a run trusts).
public enum ConfigurationFile {
    /// Reads a configuration from JSON text; errors name the file and the JSON path of the field.
    public static func decode(_ data: [UInt8], file: String) throws(ImportDiagnostic) -> InvoicingConfiguration {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(data))
        } catch let error as DecodingError {
            throw diagnostic(error, file: file, data: data)
        } catch {
            throw ImportDiagnostic(file: file, line: 0, column: 0, message: "\(error)")
        }
        func problem(_ path: String, _ message: String) -> ImportDiagnostic {
            ImportDiagnostic(file: file, line: 0, column: 0, field: path, message: message)
        }
        guard let rounding = RoundingRule(rawValue: document.rounding ?? "halfUp") else {
            throw problem("rounding", "\"\(document.rounding ?? "")\" is not one of halfUp, halfEven, down, up")
        }
        var processes: [InvoicingProcess] = []
        for (index, process) in document.invoicingProcesses.enumerated() {
            let path = "invoicingProcesses[\(index)]"
            var categories: [InvoicingProcess.Category] = []
            for (position, entry) in process.categories.enumerated() {
                guard let category = SourceCategory(rawValue: entry.category) else {
                    throw problem("\(path).categories[\(position)]", "unknown source category \(entry.category)")
                }
                categories.append(.init(category: category, mainSelection: entry.mainSelection))
            }
            var rules: [TypeRule] = []
            for (position, rule) in (process.typeRules ?? []).enumerated() {
                let category = try rule.category.map { (code: String) throws(ImportDiagnostic) -> SourceCategory in
                    guard let category = SourceCategory(rawValue: code) else {
                        throw problem("\(path).typeRules[\(position)]", "unknown source category \(code)")
                    }
                    return category
                }
                rules.append(
                    TypeRule(category: category, documentType: rule.documentType, invoicingType: rule.invoicingType))
            }
            processes.append(
                InvoicingProcess(
                    id: process.id, description: process.description, categories: categories,
                    functions: try functions(process.functions, path: "\(path).functions", problem: problem),
                    defaultType: process.defaultType, typeRules: rules, groupingVariant: process.groupingVariant))
        }
        var types: [InvoicingType] = []
        for (index, type) in document.invoicingTypes.enumerated() {
            let path = "invoicingTypes[\(index)]"
            guard let mode = PricingMode(rawValue: type.pricingMode) else {
                let allowed = PricingMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw problem("\(path).pricingMode", "\"\(type.pricingMode)\" is not one of \(allowed)")
            }
            var minimums: [Currency: Money] = [:]
            for (code, text) in type.minimumAmounts ?? [:] {
                guard let currency = Currency(code: code) else {
                    throw problem("\(path).minimumAmounts", "unknown currency \(code)")
                }
                do {
                    minimums[currency] = try Money.parse(text, currency: currency)
                } catch {
                    throw problem("\(path).minimumAmounts.\(code)", error.description)
                }
            }
            let kind = Invoice.Kind(rawValue: type.documentKind ?? Invoice.Kind.invoice.rawValue)
            guard let kind, InvoicingType.documentKinds.contains(kind) else {
                let allowed = InvoicingType.documentKinds.map(\.rawValue).joined(separator: ", ")
                throw problem("\(path).documentKind", "\"\(type.documentKind ?? "")\" is not one of \(allowed)")
            }
            types.append(
                InvoicingType(
                    id: type.id, description: type.description, pricingMode: mode,
                    functions: try statuses(type.functions ?? [:], path: "\(path).functions", problem: problem),
                    minimumAmounts: minimums, documentKind: kind))
        }
        var categories: [InvoicingCategory] = []
        for (index, category) in document.invoicingCategories.enumerated() {
            categories.append(
                InvoicingCategory(
                    id: category.id, description: category.description,
                    functions: try statuses(
                        category.functions, path: "invoicingCategories[\(index)].functions", problem: problem)))
        }
        var variants: [GroupingVariant] = []
        for (index, variant) in document.groupingVariants.enumerated() {
            var characteristics: [GroupingCharacteristic] = []
            for name in variant.characteristics {
                guard let characteristic = GroupingCharacteristic(rawValue: name) else {
                    let allowed = GroupingCharacteristic.allCases.map(\.rawValue).joined(separator: ", ")
                    throw problem("groupingVariants[\(index)].characteristics", "\"\(name)\" is not one of \(allowed)")
                }
                characteristics.append(characteristic)
            }
            variants.append(
                GroupingVariant(
                    id: variant.id, description: variant.description, characteristics: characteristics,
                    separateMaterialGroups: variant.separateMaterialGroups ?? []))
        }
        let orderTypes = (document.orderTypes ?? []).map {
            OrderType(
                id: $0.id, description: $0.description, deferUntilFullyDelivered: $0.deferUntilFullyDelivered ?? false)
        }
        var configuration = InvoicingConfiguration(
            processes: processes, types: types, categories: categories, groupingVariants: variants, rounding: rounding,
            orderTypes: orderTypes)
        configuration.plants = Dictionary(
            (document.plants ?? []).map { ($0.id, Plant(id: $0.id, companyCode: $0.companyCode)) },
            uniquingKeysWith: { _, last in last })
        for (index, entry) in (document.intercompany ?? []).enumerated() {
            let path = "intercompany[\(index)].transferPricePercent"
            let percent = try entry.transferPricePercent.map {
                (text: String) throws(ImportDiagnostic) -> FixedDecimal in
                guard let value = try? FixedDecimal.parse(text), value.scale <= 4, !value.isNegative else {
                    throw problem(path, "\"\(text)\" is not a percentage with at most 4 decimals")
                }
                return value
            }
            configuration.intercompany.append(
                IntercompanyAgreement(
                    deliveringCompanyCode: entry.deliveringCompanyCode, sellingCompanyCode: entry.sellingCompanyCode,
                    internalAccount: entry.internalAccount, transferPricePercent: percent))
        }
        for (index, entry) in (document.dipProfiles ?? []).enumerated() {
            var sources: [DIPProfile.Source] = []
            for (position, source) in entry.sources.enumerated() {
                let path = "dipProfiles[\(index)].sources[\(position)]"
                guard let type = ResourceType(rawValue: source.resourceType) else {
                    throw problem(
                        "\(path).resourceType", "\"\(source.resourceType)\" is not one of hours, material, expense")
                }
                guard let pricing = DIPProfile.Pricing(rawValue: source.pricing ?? "conditions") else {
                    throw problem("\(path).pricing", "\"\(source.pricing ?? "")\" is not one of conditions, cost")
                }
                let markup = try source.markupPercent.map { (text: String) throws(ImportDiagnostic) -> FixedDecimal in
                    guard let value = try? FixedDecimal.parse(text), value.scale <= 4, !value.isNegative else {
                        throw problem(
                            "\(path).markupPercent", "\"\(text)\" is not a percentage with at most 4 decimals")
                    }
                    return value
                }
                if type != .material && source.material == nil {
                    throw problem("\(path).material", "a source of \(type.rawValue) names the material billed")
                }
                sources.append(
                    DIPProfile.Source(
                        resourceType: type, activityType: source.activityType, material: source.material,
                        pricing: pricing, markupPercent: markup ?? .zero))
            }
            configuration.dipProfiles[entry.id] = DIPProfile(
                id: entry.id, description: entry.description, sources: sources)
        }
        if let first = configuration.problems().first { throw problem("invoicingProcesses", first) }
        return configuration
    }

    private static func functions(
        _ names: [String], path: String, problem: (String, String) -> ImportDiagnostic
    ) throws(ImportDiagnostic) -> [InvoicingFunction] {
        var result: [InvoicingFunction] = []
        for name in names {
            guard let function = InvoicingFunction(rawValue: name) else {
                let allowed = InvoicingFunction.allCases.map(\.rawValue).joined(separator: ", ")
                throw problem(path, "\"\(name)\" is not one of \(allowed)")
            }
            result.append(function)
        }
        return result
    }

    private static func statuses(
        _ table: [String: Int], path: String, problem: (String, String) -> ImportDiagnostic
    ) throws(ImportDiagnostic) -> [InvoicingFunction: ActivationStatus] {
        var result: [InvoicingFunction: ActivationStatus] = [:]
        for (name, value) in table {
            guard let function = try functions([name], path: path, problem: problem).first else { continue }
            guard let status = ActivationStatus(rawValue: value) else {
                throw problem("\(path).\(name)", "activation status \(value) is not 1, 2 or 3")
            }
            if function.isMandatory {
                throw problem("\(path).\(name)", "\(name) is mandatory and has no activation status")
            }
            result[function] = status
        }
        return result
    }

    private static func diagnostic(_ error: DecodingError, file: String, data: [UInt8]) -> ImportDiagnostic {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return ImportDiagnostic(
                file: file, line: 0, column: 0,
                field: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)",
                message: "required field is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return ImportDiagnostic(
                file: file, line: 0, column: 0, field: path(context.codingPath), message: context.debugDescription)
        case .dataCorrupted(let context):
            return ImportDiagnostic(
                file: file, line: 0, column: 0, field: context.codingPath.isEmpty ? nil : path(context.codingPath),
                message: "not valid JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)")
        @unknown default:
            return ImportDiagnostic(file: file, line: 0, column: 0, message: "\(error)")
        }
    }

    // The file's shape; names are the JSON keys.
    struct Document: Decodable {
        var rounding: String?
        var invoicingProcesses: [Process]
        var invoicingTypes: [TypeEntry]
        var invoicingCategories: [CategoryEntry]
        var groupingVariants: [VariantEntry]
        var plants: [PlantEntry]?
        var intercompany: [IntercompanyEntry]?
        var dipProfiles: [ProfileEntry]?
        var orderTypes: [OrderTypeEntry]?
    }

    struct PlantEntry: Decodable {
        var id: String
        var companyCode: String
    }

    struct IntercompanyEntry: Decodable {
        var deliveringCompanyCode: String
        var sellingCompanyCode: String
        var internalAccount: String
        var transferPricePercent: String?
    }

    struct ProfileEntry: Decodable {
        struct Source: Decodable {
            var resourceType: String
            var activityType: String?
            var material: String?
            var pricing: String?
            var markupPercent: String?
        }

        var id: String
        var description: String
        var sources: [Source]
    }

    struct OrderTypeEntry: Decodable {
        var id: String
        var description: String
        var deferUntilFullyDelivered: Bool?
    }

    struct Process: Decodable {
        struct Category: Decodable {
            var category: String
            var mainSelection: Bool
        }

        struct Rule: Decodable {
            var category: String?
            var documentType: String?
            var invoicingType: String
        }

        var id: String
        var description: String
        var categories: [Category]
        var functions: [String]
        var defaultType: String
        var typeRules: [Rule]?
        var groupingVariant: String
    }

    struct TypeEntry: Decodable {
        var id: String
        var description: String
        var pricingMode: String
        var functions: [String: Int]?
        var minimumAmounts: [String: String]?
        var documentKind: String?
    }

    struct CategoryEntry: Decodable {
        var id: String
        var description: String
        var functions: [String: Int]
    }

    struct VariantEntry: Decodable {
        var id: String
        var description: String
        var characteristics: [String]
        var separateMaterialGroups: [String]?
    }
}
