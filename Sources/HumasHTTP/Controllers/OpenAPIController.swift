import Hummingbird
import NIOCore

/// `GET /openapi.yaml`: the OpenAPI 3.1 document of exactly what this server answers,
/// embedded in the binary so it always matches the build.
struct OpenAPIController {
    func addRoutes(to routes: Routes<some RouterMethods<HumasRequestContext>>) {
        routes.get("openapi.yaml", use: document)
    }

    @Sendable func document(_ request: Request, context: HumasRequestContext) -> Response {
        let buffer = ByteBuffer(bytes: PackageResources.openapi_yaml)
        return Response(
            status: .ok,
            headers: [.contentType: "application/yaml; charset=utf-8", .contentLength: String(buffer.readableBytes)],
            body: .init(byteBuffer: buffer))
    }
}
