// The bench's baseline (scripts/benchTyping.mjs): a blank React page built with the same Vite and
// React as the lab, with nothing but a command line that echoes what is entered. Its input-ready
// mark is the typing floor: the moment Enter can go down on a React page at all.
import { StrictMode, useEffect, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'

function App() {
  const [lines, setLines] = useState([])
  const [value, setValue] = useState('')
  const input = useRef(null)
  useEffect(() => {
    input.current.focus()
    performance.mark('input-ready')
  }, [])
  return (
    <div>
      <div role="log" aria-label="Terminal output">
        {lines.map((l, i) => (
          <div className="t-line" key={i}>
            {l}
          </div>
        ))}
      </div>
      <input
        ref={input}
        aria-label="Command line"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return
          const line = value
          setLines((ls) => [...ls, line])
          setValue('')
        }}
      />
    </div>
  )
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
