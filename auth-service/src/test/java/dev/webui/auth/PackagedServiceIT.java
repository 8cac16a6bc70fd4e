package dev.webui.auth;

import dev.webui.common.testing.PackagedServiceContract;

class PackagedServiceIT extends PackagedServiceContract {
}
