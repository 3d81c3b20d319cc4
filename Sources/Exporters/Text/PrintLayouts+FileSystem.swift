internal import Foundation

extension PrintLayouts {
    /// Loads every `*.mustache` in `directory` (and its `partials/` folder) and the page size in
    /// `page.json`, then lets the files of `overrides` replace any of them by name; `page`, if
    /// given, replaces the page size of both.
    public init(directory: String, overrides: String? = nil, page pageSize: PageSettings? = nil) throws(TemplateError) {
        var templates: [String: (file: String, text: String)] = [:]
        var page = PageSettings.standard
        var pageFile = "page settings"
        var languages: [String: PrintLanguage] = [:]
        for folder in [directory, overrides].compactMap(\.self) {
            let languageFolder = folder + "/languages"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: languageFolder))?.sorted() ?? []
            where name.hasSuffix(".json") {
                let file = languageFolder + "/" + name
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw TemplateError(file: file, line: 0, column: 0, message: "cannot read language file")
                }
                let code = String(name.dropLast(".json".count))
                languages[code] = try PrintLanguage.decode(data, code: code, file: file)
            }
            let settings = folder + "/page.json"
            if let data = FileManager.default.contents(atPath: settings) {
                do {
                    page = try JSONDecoder().decode(PageSettings.self, from: data)
                    pageFile = settings
                } catch {
                    throw TemplateError(
                        file: settings, line: 0, column: 0,
                        message: "expected {\"width\": characters, \"length\": lines}: \(error)")
                }
            }
            for sub in ["", "partials"] {
                let path = sub.isEmpty ? folder : folder + "/" + sub
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    if sub.isEmpty {
                        throw TemplateError(file: path, line: 0, column: 0, message: "template folder not found")
                    }
                    continue
                }
                for name in names.sorted() where name.hasSuffix(".mustache") {
                    let file = path + "/" + name
                    guard let data = FileManager.default.contents(atPath: file),
                        let text = String(data: data, encoding: .utf8)
                    else {
                        throw TemplateError(file: file, line: 0, column: 0, message: "cannot read template as UTF-8")
                    }
                    templates[String(name.dropLast(".mustache".count))] = (file, text)
                }
            }
        }
        if let pageSize {
            page = pageSize
            pageFile = "page settings"
        }
        do {
            try self.init(templates: templates, page: page, languages: languages)
        } catch  where error.file == "page settings" {
            throw TemplateError(file: pageFile, line: 0, column: 0, message: error.message)
        }
    }
}
