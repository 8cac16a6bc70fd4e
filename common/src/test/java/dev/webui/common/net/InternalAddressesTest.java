package dev.webui.common.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternalAddressesTest {
    @Test
    void addressesInsideTheDeploymentAreRecognised() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "224.0.0.1", "198.18.0.1", "240.0.0.1")) {
            assertTrue(InternalAddresses.isInternal(InetAddress.getByName(internal)), internal);
        }
        for (String external : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111", "100.128.0.1", "::ffff:8.8.8.8")) {
            assertFalse(InternalAddresses.isInternal(InetAddress.getByName(external)), external);
        }
    }
}
