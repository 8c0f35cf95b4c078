package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulated Widevine and PlayReady token APIs refuse as ExpressPlay's parameter tables say
 * (DOMAIN.md), each with its documented code, so that Tether is tested against the contract and
 * not against itself. A base request that the simulator accepts, then one parameter changed.
 */
class SimulatedDrmContractIT extends TetherIT {

    private static final String AUTH = "customerAuthenticator=" + Http.enc("1000,00112233445566778899aabbccddeeff");
    private static final String KEY =
            "&kid=" + "a".repeat(32) + "&contentKey=" + "0".repeat(32) + "&expirationTime=%2B600&errorFormat=json";
    private static final String WIDEVINE = "/simulator/expressplay/hms/wv/token?" + AUTH + KEY;
    private static final String OPLS = "&analogVideoOPL=100&compressedDigitalAudioOPL=100&compressedDigitalVideoOPL=400"
            + "&uncompressedDigitalAudioOPL=100&uncompressedDigitalVideoOPL=300";
    private static final String PLAYREADY = "/simulator/expressplay/hms/pr/token?" + AUTH + KEY;

    @ParameterizedTest(name = "widevine {0}")
    @CsvSource(delimiter = '|', textBlock = """
            &securityLevel=1&hdcpOutputControl=0                        | 0
            &securityLevel=5&hdcpOutputControl=2&licenseDuration=3600   | 0
            &hdcpOutputControl=0                                        | -7003
            &securityLevel=6&hdcpOutputControl=0                        | -7004
            &securityLevel=0&hdcpOutputControl=0                        | -7004
            &securityLevel=1&hdcpOutputControl=3                        | -7006
            &securityLevel=1                                            | -7006
            &securityLevel=1&hdcpOutputControl=0&licenseDuration=soon   | -7007
            &securityLevel=1&hdcpOutputControl=0&deviceid=0123456789abcdef0123456789abcdef | -7002
            &securityLevel=1&hdcpOutputControl=0&generalFlags=0001      | -5003
            """)
    void widevine(String rights, int code) {
        check(WIDEVINE + rights, code);
    }

    @ParameterizedTest(name = "playready {0}")
    @CsvSource(delimiter = '|', textBlock = """
            &rightsType=BuyToOwn@                                                     | 0
            &rightsType=Rental&generalFlags=00000001&rental.periodEndTime=%2B600@     | 0
            &rightsType=BuyToOwn&deviceid=0123456789abcdef0123456789ABCDEF@           | 0
            @                                                                         | -2020
            &rightsType=Lease@                                                        | -2021
            &rightsType=Rental&rental.periodEndTime=%2B600@                           | -2025
            &rightsType=Rental&generalFlags=00000001@                                 | -2022
            &rightsType=Rental&generalFlags=00000001&rental.periodEndTime=tomorrow@   | -2022
            &rightsType=Rental&generalFlags=00000001&rental.periodEndTime=%2B600&rental.playDuration=x@ | -2023
            &rightsType=BuyToOwn                                                      | -5006
            &rightsType=BuyToOwn&analogVideoOPL=1000@                                 | -2034
            &rightsType=BuyToOwn&unknownOutputBehavior=Maybe@                         | -5001
            &rightsType=BuyToOwn&deviceid=0123456789abcdef0123456789abcde@            | -5004
            &rightsType=BuyToOwn&deviceid=00000000000000000000000000000000@           | -5005
            &rightsType=BuyToOwn&generalFlags=2@                                      | -5003
            """)
    void playReady(String rights, int code) {
        // '@' stands for the five output protection levels; a parameter given twice counts by its first value.
        check(PLAYREADY + rights.replace("@", OPLS), code);
    }

    private void check(String path, int code) {
        HttpResponse<String> response = http.get(path, null);
        if (code == 0) {
            assertEquals(200, response.statusCode(), response.body());
            return;
        }
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(code, Http.json(response.body()).getInt("errorCode"), response.body());
        assertTrue(Http.json(response.body()).getString("errorMessage").length() > 3);
    }
}
