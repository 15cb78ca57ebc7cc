// Angular's packages declare their classes for the JIT compiler, which must be loaded before them.
import '@angular/compiler';
