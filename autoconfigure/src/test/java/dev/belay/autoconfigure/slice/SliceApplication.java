package dev.belay.autoconfigure.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application that the test slices in this package find and slice. */
@SpringBootApplication
class SliceApplication {

}
