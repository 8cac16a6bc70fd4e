package dev.webui.files;

import dev.webui.common.testing.PackagedServiceContract;

class PackagedServiceIT extends PackagedServiceContract {
}
