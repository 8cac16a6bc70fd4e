package dev.webui.api;

import dev.webui.common.testing.PackagedServiceContract;

class PackagedServiceIT extends PackagedServiceContract {
}
