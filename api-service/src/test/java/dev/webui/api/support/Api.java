package dev.webui.api.support;

import dev.webui.common.testing.TestUsers.TestUser;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Request builders for the callers of the security matrix. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(TestUser user) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return user == null ? spec : spec.header("Authorization", "Bearer " + user.token());
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
