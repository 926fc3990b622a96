import Foundation
import Humas
import HumasHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route takes only the query parameters it declares (Routes): a typo such as `?undr=`
/// answered everything before (issue 9).
@Suite("HTTP: query parameters")
struct QueryParameterTests {
    @Test("an unknown query parameter is 400 naming it on every kind of endpoint; a repeated one is 400 too")
    func queryParameters() async throws {
        try await HTTPTestEnvironment.withApp { client, service in
            let viewer = try await HTTPTestEnvironment.user(.viewer, at: "ID-JT", on: service)
            for path in ["/v1/contacts?undr=ID-JT", "/v1/units?undr=ID-JT", "/v1/me?x=1", "/v1/lists?limit=1",
                         "/v1/organizations?undr=ID-JT", "/ready?x=1", "/openapi.yaml?x=1", "/health?x=1"] {
                let response = try await client.send(.get, path, token: viewer.token)
                #expect(response.status == .badRequest, "\(path)")
                #expect(response.contentType == "application/problem+json", "\(path)")
                let name = String(path.split(separator: "?")[1].split(separator: "=")[0])
                #expect(try response.problemFields() == [name], "\(path)")
            }
            let post = try await client.send(.post, "/v1/tokens?label=x", token: viewer.token, json: #"{"label": "q"}"#)
            #expect(post.status == .badRequest)
            #expect(try post.problemFields() == ["label"])

            let twice = try await client.send(.get, "/v1/contacts?limit=1&limit=500", token: viewer.token)
            #expect(twice.status == .badRequest)
            #expect(try twice.problemFields() == ["limit"])
            #expect((try twice.object()["detail"] as? String)?.contains("given 2 times") == true)

            let fine = try await client.send(.get, "/v1/contacts?under=ID-JT&limit=1", token: viewer.token)
            #expect(fine.status == .ok)
        }
    }
}
