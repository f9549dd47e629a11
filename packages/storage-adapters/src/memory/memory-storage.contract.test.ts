import { describeStorageContract } from '@imi-kit/storage-adapters/contract'
import { createMemoryStorage } from './memory-storage.js'

describeStorageContract('memory', async (options) => ({ storage: createMemoryStorage(options), close: async () => undefined }))
