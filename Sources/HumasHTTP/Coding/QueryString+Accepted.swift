import Hummingbird

extension QueryString {
    /// Refuses a parameter the route does not take, and one given more than once: a typo such
    /// as `?undr=ID-JT` would otherwise be ignored and answer with everything, and of
    /// `?limit=1&limit=500` only one can count. Unknown body fields are refused the same way.
    /// ``Routes`` calls this for every route with the parameters it declares.
    func refuseUnexpected(accepting accepted: Set<String>) throws {
        var counts: [Substring: Int] = [:]
        for (name, _) in request.uri.queryParameters {
            counts[name, default: 0] += 1
        }
        let known = accepted.isEmpty ? "this endpoint takes no query parameters" : "known parameters: \(accepted.sorted().joined(separator: ", "))"
        var problems: [(String, String)] = []
        for (name, count) in counts.sorted(by: { $0.key < $1.key }) {
            if !accepted.contains(String(name)) {
                problems.append((String(name), "is not a query parameter of this endpoint; \(known)"))
            } else if count > 1 {
                problems.append((String(name), "is given \(count) times; give it once"))
            }
        }
        if !problems.isEmpty { throw Problem.invalidFields(problems) }
    }
}
