import Humas
import Hummingbird

// The service's types are the API's resources: handlers return them as they are, encoded by
// the context's snake_case encoder. (Declared here so that Humas itself stays free of HTTP.)
extension Unit: ResponseGenerator {}
extension Unit: ResponseEncodable {}
extension User: ResponseGenerator {}
extension User: ResponseEncodable {}
extension ApiToken: ResponseGenerator {}
extension ApiToken: ResponseEncodable {}
extension IssuedToken: ResponseGenerator {}
extension IssuedToken: ResponseEncodable {}
extension ActingUser: ResponseGenerator {}
extension ActingUser: ResponseEncodable {}
extension Page: ResponseGenerator, ResponseEncodable {}
