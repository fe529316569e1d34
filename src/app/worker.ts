// The lab's Web Worker: cluster, clock and shell run here, off the page's thread (see
// labServer.ts for the protocol's worker side and workerClient.ts for the page's).

import { serveLab, type Port } from './labServer'

serveLab(self as unknown as Port)
